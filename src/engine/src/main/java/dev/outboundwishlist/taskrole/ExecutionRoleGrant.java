package dev.outboundwishlist.taskrole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.engine.ExpansionContext;

import java.util.List;

/**
 * Grants a state machine's execution role {@code sts:AssumeRole} on exactly the roles its tasks
 * run under, where that role is defined: appended to SAM's {@code Policies}, or as an
 * {@code AWS::IAM::Policy} on a role of the template. A role defined elsewhere gets a warning
 * naming the missing permission.
 */
final class ExecutionRoleGrant {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExecutionRoleGrant() {
    }

    static void grant(ExpansionContext context, String machineId, List<JsonNode> roles) {
        ObjectNode machine = (ObjectNode) context.resources().get(machineId);
        ObjectNode properties = (ObjectNode) machine.get("Properties");
        String type = machine.path("Type").asText();
        GrantTarget target = GrantTarget.of(type, properties, context.resources());
        if (target instanceof GrantTarget.SamPolicies) {
            appendToPolicies(properties, policyDocument(roles, false));
        } else if (target instanceof GrantTarget.TemplateRole role) {
            addRolePolicy(context, machineId, machine, role.roleId(), roles);
        } else {
            JsonNode role = ((GrantTarget.ExternalRole) target).role();
            String key = type.equals("AWS::Serverless::StateMachine") ? "Role" : "RoleArn";
            context.diagnostics().report(DiagnosticCode.EXTERNAL_EXECUTION_ROLE,
                    TemplatePath.of("Resources", machineId, "Properties", key),
                    (role.isMissingNode() ? "is missing" : "names an execution role this template does not define")
                            + ", so the macro cannot grant it sts:AssumeRole on " + describe(roles)
                            + "; add that permission to the role yourself, or the tasks will fail to assume their roles");
        }
    }

    /** SAM's Policies is a name, a document, or a list of them; the grant joins it as one more document. */
    private static void appendToPolicies(ObjectNode properties, ObjectNode document) {
        JsonNode policies = properties.get("Policies");
        if (policies instanceof ArrayNode list) {
            list.add(document);
            return;
        }
        ArrayNode list = NODES.arrayNode();
        if (policies != null) {
            list.add(policies);
        }
        list.add(document);
        properties.set("Policies", list);
    }

    private static void addRolePolicy(ExpansionContext context, String machineId, ObjectNode machine, String roleId,
                                      List<JsonNode> roles) {
        ObjectNode policy = NODES.objectNode();
        policy.put("Type", "AWS::IAM::Policy");
        if (machine.has("Condition")) {
            policy.set("Condition", machine.get("Condition").deepCopy());
        }
        ObjectNode properties = policy.putObject("Properties");
        String name = machineId + "-assume-task-roles";
        properties.put("PolicyName", name.length() > 128 ? name.substring(name.length() - 128) : name);
        properties.putArray("Roles").addObject().put("Ref", roleId);
        properties.set("PolicyDocument", policyDocument(roles, true));
        context.addResource(machineId, context.logicalIds().allocate(machineId, "AssumeTaskRoles"), policy);
    }

    private static ObjectNode policyDocument(List<JsonNode> roles, boolean versioned) {
        ObjectNode document = NODES.objectNode();
        if (versioned) {
            document.put("Version", "2012-10-17");
        }
        ObjectNode statement = document.putArray("Statement").addObject();
        statement.put("Sid", "AssumeTaskRoles");
        statement.put("Effect", "Allow");
        statement.put("Action", "sts:AssumeRole");
        ArrayNode resources = statement.putArray("Resource");
        roles.forEach(role -> resources.add(role.deepCopy()));
        return document;
    }

    private static String describe(List<JsonNode> roles) {
        StringBuilder text = new StringBuilder();
        for (JsonNode role : roles) {
            text.append(text.length() == 0 ? "" : ", ").append(role.isTextual() ? role.textValue() : role.toString());
        }
        return text.toString();
    }
}
