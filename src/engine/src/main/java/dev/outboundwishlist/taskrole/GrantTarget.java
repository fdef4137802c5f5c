package dev.outboundwishlist.taskrole;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Where a state machine's execution role is defined, which decides where the sts:AssumeRole
 * grant goes: SAM's generated role (a statement appended to {@code Policies}), a role of this
 * template (an {@code AWS::IAM::Policy} attached to it), or a role the template does not define
 * (nothing can be granted; the user is told).
 */
sealed interface GrantTarget {

    record SamPolicies() implements GrantTarget {
    }

    record TemplateRole(String roleId) implements GrantTarget {
    }

    record ExternalRole(JsonNode role) implements GrantTarget {
    }

    /** The execution role of a state machine resource, from its Role (SAM) or RoleArn (raw) property. */
    static GrantTarget of(String type, JsonNode properties, JsonNode resources) {
        boolean sam = type.equals("AWS::Serverless::StateMachine");
        JsonNode role = properties.get(sam ? "Role" : "RoleArn");
        if (role == null) {
            return sam ? new SamPolicies() : new ExternalRole(properties.path("RoleArn"));
        }
        return templateRoleId(role)
                .filter(id -> resources.path(id).path("Type").asText().equals("AWS::IAM::Role"))
                .<GrantTarget>map(TemplateRole::new)
                .orElse(new ExternalRole(role));
    }

    /** {@code !GetAtt R.Arn}, {@code !Sub ${R.Arn}} or {@code !Ref R} name the role resource R. */
    private static Optional<String> templateRoleId(JsonNode role) {
        JsonNode getAtt = role.get("Fn::GetAtt");
        if (getAtt != null && getAtt.isArray() && getAtt.size() == 2 && getAtt.get(1).asText().equals("Arn")) {
            return Optional.of(getAtt.get(0).asText());
        }
        JsonNode sub = role.get("Fn::Sub");
        if (sub != null && sub.isTextual() && sub.textValue().matches("\\$\\{[A-Za-z0-9]+\\.Arn}")) {
            return Optional.of(sub.textValue().substring(2, sub.textValue().length() - 5));
        }
        JsonNode ref = role.get("Ref");
        return ref != null && ref.isTextual() ? Optional.of(ref.textValue()) : Optional.empty();
    }
}
