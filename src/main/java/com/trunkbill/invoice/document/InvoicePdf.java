package com.trunkbill.invoice.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import com.trunkbill.support.AtomicFiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.logging.Level;

/**
 * Renders the XHTML invoice to PDF with openhtmltopdf (PDFBox backend). The font family {@code DejaVu Sans} is
 * the DejaVu Sans TrueType font shipped in the jar ({@code fonts/}, licence in {@code fonts/LICENSE-DejaVu.txt}),
 * embedded as a subset: the PDF's built-in Helvetica has no glyph for Č, Đ, Ć or €.
 */
public final class InvoicePdf {

    public static final String FONT_FAMILY = "DejaVu Sans";
    private static final byte[] REGULAR = font("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("/fonts/DejaVuSans-Bold.ttf");

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
            builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        });
    }

    private static byte[] font(String resource) {
        try (InputStream in = InvoicePdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        }
    }
}
