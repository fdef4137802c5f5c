package dev.outboundwishlist.taskrole;

import com.fasterxml.jackson.databind.JsonNode;

import dev.outboundwishlist.engine.TemplateRoles;

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
        JsonNode fnIf = role.get("Fn::If");
        if (fnIf != null && fnIf.size() == 3) {
            // Both branches the same role of this template (written two ways, say): that role.
            var first = TemplateRoles.named(fnIf.get(1), resources);
            return first.isPresent() && first.equals(TemplateRoles.named(fnIf.get(2), resources))
                    ? new TemplateRole(first.get()) : new ExternalRole(role);
        }
        return TemplateRoles.named(role, resources).<GrantTarget>map(TemplateRole::new)
                .orElse(new ExternalRole(role));
    }
}
