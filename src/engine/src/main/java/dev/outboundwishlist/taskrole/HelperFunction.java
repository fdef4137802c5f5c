package dev.outboundwishlist.taskrole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.engine.ExpansionContext;
import dev.outboundwishlist.template.Descriptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.outboundwishlist.template.Intrinsics.getAtt;

/**
 * The cross-account helper of one state machine (CrossAccount.Mode: HelperFunction): a small
 * function with inline code that assumes a task's role and makes the task's call, its role (its
 * own logs and sts:AssumeRole on that machine's task roles, nothing else) and its log group.
 */
final class HelperFunction {

    /** The function's code (helper.py beside this class); Lambda takes at most 4 KB inline. */
    static final String CODE = load();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Lambda's longest timeout, in seconds: the helper's, so its calls are limited by the tasks' own. */
    static final int TIMEOUT = 900;
    /** Lambda's limit on a function's description. */
    private static final int FUNCTION_DESCRIPTION_LIMIT = 256;

    private final String functionId;
    private final String roleId;
    private final String logsId;

    private HelperFunction(String functionId, String roleId, String logsId) {
        this.functionId = functionId;
        this.roleId = roleId;
        this.logsId = logsId;
    }

    static HelperFunction forMachine(ExpansionContext context, String machineId) {
        return new HelperFunction(context.logicalIds().allocate(machineId, "CrossAccountHelper"),
                context.logicalIds().allocate(machineId, "CrossAccountHelperRole"),
                context.logicalIds().allocate(machineId, "CrossAccountHelperLogs"));
    }

    String functionId() {
        return functionId;
    }

    ObjectNode arn() {
        return getAtt(functionId, "Arn");
    }

    /**
     * Adds the log group, role and function after the state machine, each with its Condition, and
     * an output with the role's ARN: the task roles must trust it.
     */
    void addResources(ExpansionContext context, String machineId, List<JsonNode> roles, List<JsonNode> integrations) {
        JsonNode condition = context.resources().path(machineId).get("Condition");
        context.addResource(machineId, logsId, logGroup(condition));
        context.addResource(logsId, roleId, role(condition, roles));
        context.addResource(roleId, functionId, function(condition, machineId, integrations));
        JsonNode existing = context.root().get("Outputs");
        ObjectNode outputs = existing instanceof ObjectNode object ? object : context.root().putObject("Outputs");
        ObjectNode output = NODES.objectNode();
        if (condition != null) {
            output.set("Condition", condition.deepCopy());
        }
        output.put("Description", "The role that the task roles of " + machineId + " must trust");
        output.set("Value", getAtt(roleId, "Arn"));
        outputs.set(context.logicalIds().allocate(machineId, "CrossAccountHelperRoleArn"), output);
    }

    private ObjectNode function(JsonNode condition, String machineId, List<JsonNode> integrations) {
        ObjectNode function = resource("AWS::Lambda::Function", condition);
        ObjectNode properties = function.putObject("Properties");
        properties.put("Description", Descriptions.naming(FUNCTION_DESCRIPTION_LIMIT, "Runs the cross-account tasks of ",
                machineId, " under their roles"));
        properties.put("Runtime", "python3.12");
        properties.put("Handler", "index.handler");
        properties.putObject("Code").put("ZipFile", CODE);
        properties.set("Role", getAtt(roleId, "Arn"));
        properties.put("MemorySize", 256);
        // As long as the longest call a task may make; each task's own TimeoutSeconds still applies.
        properties.put("Timeout", TIMEOUT);
        properties.putObject("LoggingConfig").putObject("LogGroup").put("Ref", logsId);
        // The helper makes only the calls its state machine's tasks make, whoever invokes it.
        properties.putObject("Environment").putObject("Variables").set("ALLOWED_INTEGRATIONS", joined(integrations));
        return function;
    }

    private ObjectNode role(JsonNode condition, List<JsonNode> roles) {
        ObjectNode role = resource("AWS::IAM::Role", condition);
        ObjectNode properties = role.putObject("Properties");
        ObjectNode trust = properties.putObject("AssumeRolePolicyDocument");
        trust.put("Version", "2012-10-17");
        ObjectNode statement = trust.putArray("Statement").addObject();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Service", "lambda.amazonaws.com");
        statement.put("Action", "sts:AssumeRole");
        ArrayNode policies = properties.putArray("Policies");
        ObjectNode logs = policies.addObject();
        logs.put("PolicyName", "write-own-logs");
        ObjectNode logsDocument = logs.putObject("PolicyDocument");
        logsDocument.put("Version", "2012-10-17");
        ObjectNode write = logsDocument.putArray("Statement").addObject();
        write.put("Sid", "WriteOwnLogs");
        write.put("Effect", "Allow");
        write.putArray("Action").add("logs:CreateLogStream").add("logs:PutLogEvents");
        write.putArray("Resource").add(getAtt(logsId, "Arn")); // a log group's ARN ends in :*, covering its streams
        ObjectNode assume = policies.addObject();
        assume.put("PolicyName", "assume-task-roles");
        assume.set("PolicyDocument", ExecutionRoleGrant.policyDocument(
                ExecutionRoleGrant.Permission.assumeRoles(roles), true));
        return role;
    }

    private static ObjectNode logGroup(JsonNode condition) {
        ObjectNode logs = resource("AWS::Logs::LogGroup", condition);
        logs.putObject("Properties").put("RetentionInDays", 30);
        return logs;
    }

    /** Comma-joined: a plain string when every value is literal, else Fn::Join over the intrinsics. */
    private static JsonNode joined(List<JsonNode> values) {
        if (values.stream().allMatch(JsonNode::isTextual)) {
            return NODES.textNode(String.join(",", values.stream().map(JsonNode::textValue).toList()));
        }
        ObjectNode join = NODES.objectNode();
        ArrayNode arguments = join.putArray("Fn::Join");
        arguments.add(",");
        ArrayNode list = arguments.addArray();
        values.forEach(value -> list.add(value.deepCopy()));
        return join;
    }

    private static ObjectNode resource(String type, JsonNode condition) {
        ObjectNode resource = NODES.objectNode();
        resource.put("Type", type);
        if (condition != null) {
            resource.set("Condition", condition.deepCopy());
        }
        return resource;
    }

    private static String load() {
        try (InputStream in = HelperFunction.class.getResourceAsStream("helper.py")) {
            if (in == null) {
                throw new IllegalStateException("helper.py is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
