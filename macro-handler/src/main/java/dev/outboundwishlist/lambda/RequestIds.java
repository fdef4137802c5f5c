package dev.outboundwishlist.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;

/**
 * The requestId of an event that cannot be read as a whole, so that even a failure answers the
 * request CloudFormation made: only the top level is read, whatever lies below it.
 */
final class RequestIds {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private RequestIds() {
    }

    /** The top-level requestId string, or "" when there is none before the text stops being JSON. */
    static String find(byte[] event) {
        try (JsonParser parser = FACTORY.createParser(event)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = parser.currentName().equals("requestId");
                JsonToken value = parser.nextToken();
                if (wanted && value == JsonToken.VALUE_STRING) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            // The text stops being JSON before a requestId: there is none to answer.
        }
        return "";
    }
}
