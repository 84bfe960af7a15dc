package com.trunkbill.invoice.model;

import java.time.Instant;

/**
 * When an invoice or note was created and, once FINAL, when it was issued ({@code finalizedAt}) with which number:
 * the dates printed on its document and on the notes that adjust it.
 */
public record InvoiceIssue(String invoiceId, String invoiceNumber, Instant createdAt, Instant finalizedAt) {
}
