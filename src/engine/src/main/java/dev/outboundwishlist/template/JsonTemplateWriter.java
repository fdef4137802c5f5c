package dev.outboundwishlist.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes a template as JSON with two-space indentation and one entry per line. */
final class JsonTemplateWriter {

    private static final ObjectWriter WRITER;
    private static final ObjectWriter COMPACT = new ObjectMapper().writer();

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        printer.indentArraysWith(indenter);
        printer.indentObjectsWith(indenter);
        WRITER = new ObjectMapper().writer(printer);
    }

    private JsonTemplateWriter() {
    }

    static String write(JsonNode root) {
        return write(root, true);
    }

    static long compactSize(JsonNode value) {
        long[] count = {0};
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                count[0] += length;
            }
        };
        try {
            COMPACT.writeValue(counter, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    /** Indented with a final line break, or all on one line. */
    static String write(JsonNode value, boolean indented) {
        try {
            return indented ? WRITER.writeValueAsString(value) + "\n" : COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
