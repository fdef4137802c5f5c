package dev.outboundwishlist.taskrole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.TemplatePath;
import dev.outboundwishlist.diagnostics.Severity;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.engine.Lookups;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Grants a state machine's execution role one permission (native mode: {@code sts:AssumeRole} on
 * exactly the roles its tasks run under; helper mode: {@code lambda:InvokeFunction} on its
 * helper), where that role is defined: appended to SAM's {@code Policies}, or as an
 * {@code AWS::IAM::Policy} on a role of the template. A role defined elsewhere gets a warning
 * naming the missing permission.
 */
final class ExecutionRoleGrant {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExecutionRoleGrant() {
    }

    /** The permission granted: a statement id, one action, and the resources it applies to. */
    record Permission(String sid, String action, List<JsonNode> resources) {

        static Permission assumeRoles(List<JsonNode> roles) {
            return new Permission("AssumeTaskRoles", "sts:AssumeRole", roles);
        }

        ObjectNode statement() {
            ObjectNode statement = NODES.objectNode();
            statement.put("Sid", sid);
            statement.put("Effect", "Allow");
            statement.put("Action", action);
            ArrayNode list = statement.putArray("Resource");
            resources.forEach(resource -> list.add(resource.deepCopy()));
            return statement;
        }
    }

    static void grant(ExpansionContext context, String machineId, Permission permission, String policySuffix) {
        ObjectNode machine = (ObjectNode) context.resources().get(machineId);
        ObjectNode properties = (ObjectNode) machine.get("Properties");
        String type = machine.path("Type").asText();
        GrantTarget target = GrantTarget.of(type, properties, context.resources());
        String key = type.equals("AWS::Serverless::StateMachine") ? "Role" : "RoleArn";
        TemplatePath path = TemplatePath.of("Resources", machineId, "Properties", key);
        if (target instanceof GrantTarget.SamPolicies) {
            appendToPolicies(properties, policyDocument(permission, false));
        } else if (target instanceof GrantTarget.TemplateRole role) {
            addRolePolicy(context, machineId, machine, role.roleId(), permission, policySuffix,
                    Optional.ofNullable(machine.path("Condition").textValue()));
        } else if (target instanceof GrantTarget.ChosenRole chosen) {
            grantChosen(context, machineId, machine, chosen, true, permission, policySuffix, path);
            grantChosen(context, machineId, machine, chosen, false, permission, policySuffix, path);
        } else {
            JsonNode role = ((GrantTarget.ExternalRole) target).role();
            if (permission.action().equals("sts:AssumeRole")) {
                reportExternal(context, path, role, permission.resources());
            } else {
                context.diagnostics().report(DiagnosticCode.EXTERNAL_EXECUTION_ROLE, path,
                        "names an execution role this template does not define, so the macro cannot grant it "
                                + permission.action() + " on " + describe(permission.resources())
                                + "; add that permission to the role yourself");
            }
        }
    }

    /**
     * A role defined elsewhere cannot be changed here. Where its ARN and the task roles are known,
     * IAM's policy simulator (online) tells whether it already has the permission: then the
     * warning becomes an info, or an error if it has not.
     */
    private static void reportExternal(ExpansionContext context, TemplatePath path, JsonNode role, List<JsonNode> roles) {
        String missing = "sts:AssumeRole on " + describe(roles);
        if (role.has("Fn::If")) {
            context.diagnostics().report(DiagnosticCode.EXTERNAL_EXECUTION_ROLE, path, "chooses the execution role "
                    + "by a condition (Fn::If), so the macro cannot tell which role to grant " + missing + "; make "
                    + "sure each role allows it, or the tasks will fail to assume their roles");
            return;
        }
        if (role.isMissingNode()) {
            context.diagnostics().report(DiagnosticCode.EXTERNAL_EXECUTION_ROLE, path, "is missing, so the macro "
                    + "cannot grant " + missing + "; the state machine needs an execution role");
            return;
        }
        Optional<String> roleArn = KnownValues.resolve(role, context.environment());
        List<String> targets = roles.stream().filter(JsonNode::isTextual).map(JsonNode::textValue).toList();
        Lookups.AssumeRoleCheck check = roleArn.isPresent() && targets.size() == roles.size()
                ? context.lookups().canAssume(roleArn.get(), targets)
                : new Lookups.AssumeRoleCheck.Unavailable("the role or a task role is only known to CloudFormation");
        if (check instanceof Lookups.AssumeRoleCheck.Allowed) {
            context.diagnostics().report(DiagnosticCode.EXTERNAL_EXECUTION_ROLE, Severity.INFO, path,
                    "names an execution role this template does not define; IAM's policy simulator confirms it "
                            + "already allows " + missing);
        } else if (check instanceof Lookups.AssumeRoleCheck.Denied denied) {
            context.diagnostics().report(DiagnosticCode.EXTERNAL_EXECUTION_ROLE, Severity.ERROR, path,
                    "names an execution role this template does not define, and IAM's policy simulator says it "
                            + "does not allow sts:AssumeRole on " + String.join(", ", denied.targetRoleArns())
                            + "; add that permission to the role, or the tasks will fail to assume their roles");
        } else {
            String reason = ((Lookups.AssumeRoleCheck.Unavailable) check).reason();
            context.diagnostics().report(DiagnosticCode.EXTERNAL_EXECUTION_ROLE, path,
                    "names an execution role this template does not define, so the macro cannot grant it "
                            + missing + "; make sure the role allows it, or the tasks will fail to assume their "
                            + "roles (not checked: " + reason + ")");
        }
    }

    /**
     * One branch of an execution role chosen by a condition: a role of this template gets the grant
     * under the condition that chooses it (and the machine's own); a role defined elsewhere gets a
     * warning naming what it must allow.
     */
    private static void grantChosen(ExpansionContext context, String machineId, ObjectNode machine,
                                    GrantTarget.ChosenRole chosen, boolean branch, Permission permission,
                                    String policySuffix, TemplatePath path) {
        Optional<String> roleId = branch ? chosen.whenTrue() : chosen.whenFalse();
        String when = "when " + chosen.condition() + " is " + branch;
        if (roleId.isEmpty()) {
            context.diagnostics().report(DiagnosticCode.EXTERNAL_EXECUTION_ROLE, path, when + ", names an execution "
                    + "role this template does not define, so the macro cannot grant it " + permission.action()
                    + " on " + describe(permission.resources()) + "; make sure the role allows it, or the tasks "
                    + "will fail there");
            return;
        }
        String condition = branchCondition(context, machineId, machine, chosen.condition(), branch);
        addRolePolicy(context, machineId, machine, roleId.get(), permission, policySuffix, Optional.of(condition));
    }

    /**
     * The condition under which a branch's role is the machine's: the choosing condition itself,
     * or a condition the macro adds (its negation, and the machine's own Condition with Fn::And).
     */
    private static String branchCondition(ExpansionContext context, String machineId, ObjectNode machine,
                                          String choosing, boolean branch) {
        String own = machine.path("Condition").textValue();
        if (own == null && branch) {
            return choosing;
        }
        ObjectNode chooses = NODES.objectNode().put("Condition", choosing);
        if (!branch) {
            ObjectNode not = NODES.objectNode();
            not.putArray("Fn::Not").add(chooses);
            chooses = not;
        }
        ObjectNode definition = chooses;
        if (own != null) {
            definition = NODES.objectNode();
            definition.putArray("Fn::And").add(NODES.objectNode().put("Condition", own)).add(chooses);
        }
        String id = context.logicalIds().allocate(machineId, branch ? "RoleWhen" : "RoleUnless", choosing);
        context.root().withObjectProperty("Conditions").set(id, definition);
        return id;
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
                                      Permission permission, String policySuffix, Optional<String> condition) {
        ObjectNode policy = NODES.objectNode();
        policy.put("Type", "AWS::IAM::Policy");
        condition.ifPresent(name -> policy.put("Condition", name));
        ObjectNode properties = policy.putObject("Properties");
        String name = machineId + "-" + policySuffix;
        properties.put("PolicyName", name.length() > 128 ? name.substring(name.length() - 128) : name);
        properties.putArray("Roles").addObject().put("Ref", roleId);
        properties.set("PolicyDocument", policyDocument(permission, true));
        context.addResource(machineId, context.logicalIds().allocate(machineId, permission.sid()), policy);
    }

    static ObjectNode policyDocument(Permission permission, boolean versioned) {
        ObjectNode document = NODES.objectNode();
        if (versioned) {
            document.put("Version", "2012-10-17");
        }
        document.putArray("Statement").add(permission.statement());
        return document;
    }

    private static String describe(List<JsonNode> values) {
        StringBuilder text = new StringBuilder();
        for (JsonNode value : values) {
            text.append(text.length() == 0 ? "" : ", ").append(describe(value));
        }
        return text.toString();
    }

    /** A value as a reader knows it: a literal, "the ARN of X", or the intrinsic function it is. */
    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        JsonNode getAtt = value.get("Fn::GetAtt");
        if (getAtt != null && getAtt.size() == 2 && getAtt.get(1).asText().equals("Arn")) {
            return "the ARN of " + getAtt.get(0).asText();
        }
        JsonNode fnIf = value.get("Fn::If");
        if (fnIf != null && fnIf.size() == 3) {
            List<String> branches = new ArrayList<>();
            for (int branch = 1; branch <= 2; branch++) {
                if (!fnIf.get(branch).path("Ref").asText().equals("AWS::NoValue")) {
                    branches.add(describe(fnIf.get(branch)) + " (when " + fnIf.get(0).asText() + " is "
                            + (branch == 1) + ")");
                }
            }
            return String.join(", ", branches);
        }
        return value.toString();
    }
}
