package dev.outboundwishlist.taskrole;

import com.fasterxml.jackson.databind.JsonNode;

import dev.outboundwishlist.engine.TemplateRoles;

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

    /**
     * A role chosen by a condition ({@code Fn::If}) between roles of which at least one is this
     * template's: each of those gets the grant under the condition that chooses it.
     */
    record ChosenRole(String condition, Optional<String> whenTrue, Optional<String> whenFalse, JsonNode role)
            implements GrantTarget {
    }

    /** The execution role of a state machine resource, from its Role (SAM) or RoleArn (raw) property. */
    static GrantTarget of(String type, JsonNode properties, JsonNode resources) {
        boolean sam = type.equals("AWS::Serverless::StateMachine");
        JsonNode role = properties.get(sam ? "Role" : "RoleArn");
        if (role == null) {
            return sam ? new SamPolicies() : new ExternalRole(properties.path("RoleArn"));
        }
        JsonNode fnIf = role.get("Fn::If");
        if (fnIf != null && fnIf.size() == 3 && fnIf.get(0).isTextual()) {
            Optional<String> whenTrue = TemplateRoles.named(fnIf.get(1), resources);
            Optional<String> whenFalse = TemplateRoles.named(fnIf.get(2), resources);
            if (whenTrue.isPresent() && whenTrue.equals(whenFalse)) {
                return new TemplateRole(whenTrue.get()); // the same role, written two ways, say
            }
            return whenTrue.isPresent() || whenFalse.isPresent()
                    ? new ChosenRole(fnIf.get(0).textValue(), whenTrue, whenFalse, role) : new ExternalRole(role);
        }
        return TemplateRoles.named(role, resources).<GrantTarget>map(TemplateRole::new)
                .orElse(new ExternalRole(role));
    }
}
