package dev.outboundwishlist.engine;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/** Which {@code AWS::IAM::Role} of the template a role property names, if any. */
public final class TemplateRoles {

    private TemplateRoles() {
    }

    /**
     * {@code !GetAtt R.Arn} (list or dotted string), {@code !Sub ${R.Arn}} or {@code !Ref R} name
     * the role resource R when R is an {@code AWS::IAM::Role} of {@code resources}.
     */
    public static Optional<String> named(JsonNode role, JsonNode resources) {
        return referencedId(role).filter(id -> resources.path(id).path("Type").asText().equals("AWS::IAM::Role"));
    }

    private static Optional<String> referencedId(JsonNode role) {
        if (role == null) {
            return Optional.empty();
        }
        JsonNode getAtt = role.get("Fn::GetAtt");
        if (getAtt != null && getAtt.isArray() && getAtt.size() == 2 && getAtt.get(1).asText().equals("Arn")) {
            return Optional.of(getAtt.get(0).asText());
        }
        if (getAtt != null && getAtt.isTextual() && getAtt.textValue().endsWith(".Arn")) {
            return Optional.of(getAtt.textValue().substring(0, getAtt.textValue().length() - ".Arn".length()));
        }
        JsonNode sub = role.get("Fn::Sub");
        if (sub != null && sub.isTextual() && sub.textValue().matches("\\$\\{[A-Za-z0-9]+\\.Arn}")) {
            return Optional.of(sub.textValue().substring(2, sub.textValue().length() - 5));
        }
        JsonNode ref = role.get("Ref");
        return ref != null && ref.isTextual() ? Optional.of(ref.textValue()) : Optional.empty();
    }
}
