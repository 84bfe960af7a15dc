package com.trunkbill.invoice.document;

import com.trunkbill.support.AtomicFiles;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

import java.nio.file.Path;
import java.util.logging.Level;

/** Renders the XHTML invoice to PDF with openhtmltopdf (PDFBox backend, the built-in Helvetica font). */
public final class InvoicePdf {

    static {
        // openhtmltopdf logs every stylesheet parse at INFO on its own JUL loggers: keep warnings and errors only
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private InvoicePdf() {
    }

    /** Writes {@code target} atomically (a temporary file moved into place). */
    public static void write(String xhtml, Path target) {
        AtomicFiles.write(target, out -> {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        });
    }
}
