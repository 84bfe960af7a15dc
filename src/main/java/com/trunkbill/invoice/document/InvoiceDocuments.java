package com.trunkbill.invoice.document;

import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.invoice.model.Invoice;
import com.trunkbill.invoice.model.InvoiceIssue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.util.Locale;
import java.util.Map;

/**
 * Renders the invoice document (template {@code templates/invoice/invoice.html}, or the operator's copy in
 * {@code trunkbill.template-dir}) as XHTML, the same text the PDF is made from. Configuration:
 * {@code trunkbill.seller.{name,street,postal-code,city,vat-id}} and {@code trunkbill.seller-country} (the seller),
 * {@code trunkbill.invoice.payment-terms-days} (due date = issue date + terms, default 30),
 * {@code trunkbill.document-locale} (labels and country names, default {@code en}),
 * {@code trunkbill.invoice.paper-size} ({@code A4}, the default, or {@code letter}).
 */
@Component
public class InvoiceDocuments {

    static final String TEMPLATE = "invoice/invoice";

    private final ITemplateEngine engine;
    private final InvoiceViews views;
    private final Locale locale;
    private final String paperSize;

    public InvoiceDocuments(ITemplateEngine engine, MessageSource messages,
                            @Value("${trunkbill.seller.name:${trunkbill.seller-name:trunkbill SIP Trunking}}")
                            String sellerName,
                            @Value("${trunkbill.seller.street:}") String sellerStreet,
                            @Value("${trunkbill.seller.postal-code:}") String sellerPostalCode,
                            @Value("${trunkbill.seller.city:}") String sellerCity,
                            @Value("${trunkbill.seller.vat-id:}") String sellerVatId,
                            @Value("${trunkbill.seller-country:HR}") String sellerCountry,
                            @Value("${trunkbill.invoice.payment-terms-days:30}") int paymentTermsDays,
                            @Value("${trunkbill.document-locale:en}") Locale locale,
                            @Value("${trunkbill.invoice.paper-size:A4}") String paperSize) {
        if (paymentTermsDays < 0) {
            throw new IllegalStateException("trunkbill.invoice.payment-terms-days is " + paymentTermsDays
                    + ": the days between issue and due date cannot be negative");
        }
        this.paperSize = switch (paperSize.trim().toLowerCase(Locale.ROOT)) {
            case "a4" -> "A4";
            case "letter" -> "letter";
            default -> throw new IllegalStateException("trunkbill.invoice.paper-size is " + paperSize
                    + ": A4 or letter");
        };
        this.engine = engine;
        this.locale = locale;
        Seller seller = new Seller(sellerName, sellerStreet, sellerPostalCode, sellerCity, sellerCountry, sellerVatId);
        this.views = new InvoiceViews(new MessageSourceLabels(messages, locale), seller, paymentTermsDays, locale);
    }

    /** The XHTML document of an invoice or note (see {@link InvoiceViews#view} for the arguments). */
    public String html(Invoice invoice, InvoiceIssue issue, InvoiceIssue adjusted, Account account,
                       Map<String, ServiceAddress> trunkAddresses) {
        Context context = new Context(locale);
        context.setVariable("doc", views.view(invoice, issue, adjusted, account, trunkAddresses));
        context.setVariable("lang", locale.toLanguageTag());
        context.setVariable("paperSize", paperSize);
        return engine.process(TEMPLATE, context);
    }

    private record MessageSourceLabels(MessageSource messages, Locale locale) implements Labels {

        @Override
        public String get(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        @Override
        public String getOrDefault(String key, String fallback) {
            return messages.getMessage(key, null, fallback, locale);
        }
    }
}
