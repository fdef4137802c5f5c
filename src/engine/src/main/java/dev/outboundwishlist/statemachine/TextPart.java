package dev.outboundwishlist.statemachine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A piece of a definition written as text: literal JSON text, or an opaque value that only
 * CloudFormation can resolve (a {@code ${Name}} placeholder of {@code Fn::Sub}, or an intrinsic
 * function among the parts of {@code Fn::Join}).
 */
sealed interface TextPart {

    record Literal(String text) implements TextPart {
    }

    /** {@code placeholder} is the {@code ${...}} text for Fn::Sub; {@code intrinsic} the value for Fn::Join. */
    record Opaque(String placeholder, JsonNode intrinsic) implements TextPart {

        String display() {
            return placeholder != null ? placeholder : intrinsic.toString();
        }
    }
}
