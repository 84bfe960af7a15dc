package com.trunkbill.invoice.document;

import java.util.List;

/**
 * What the invoice template prints, every value already formatted and every label already taken from the message
 * bundle ({@link InvoiceViews} builds it): the template only lays it out, and the engine escapes it.
 *
 * @param invoiceNumber the number of a FINAL invoice; null on drafts, which carry a {@code watermark} instead
 * @param issueDate     the day a FINAL invoice was finalized (UTC, ISO date); null before
 * @param dueDate       {@code issueDate} plus the payment terms; null before issue
 * @param adjusts       the invoice a credit or debit note adjusts; null on an invoice
 */
public record InvoiceView(String title, String invoiceId, String invoiceNumber, String status, String watermark,
                          String issueDate, String dueDate, int paymentTermsDays, String period, String periodFrom,
                          String periodTo, String currency, Party seller, Party customer, String holdReason,
                          Reference adjusts, List<TrunkSection> trunks, List<TaxRow> taxes,
                          List<AdjustmentRow> adjustments, String subtotal, String taxTotal, String total,
                          boolean reverseCharge) {

    /** The seller or the customer: name, address lines (country last), VAT id, account id (customer only). */
    public record Party(String name, List<String> addressLines, String vatId, String accountId) {
    }

    /** The invoice a note adjusts: its id, number and issue date. */
    public record Reference(String invoiceId, String invoiceNumber, String issueDate) {
    }

    /** One trunk's charges; {@code serviceAddress} null when the trunk has none. */
    public record TrunkSection(String name, String trunkId, String serviceAddress, List<Row> rows, String total) {
    }

    /** A charge line: {@code unitPrice} carries its currency (or a label such as "included in plan"). */
    public record Row(String charge, String destination, String quantity, String unit, String unitPrice,
                      String amount, List<String> details) {
    }

    public record TaxRow(String jurisdiction, String taxCode, String description, String base, String rate,
                         String amount) {
    }

    public record AdjustmentRow(String charge, String trunk, String destination, String tax, List<String> details,
                                String amount) {
    }
}
