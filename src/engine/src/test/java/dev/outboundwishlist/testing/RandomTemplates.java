package dev.outboundwishlist.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random templates for the invariant properties: SAM and raw functions and state machines, every
 * extension in its valid forms and in some invalid ones, intrinsic functions where templates put
 * them, Conditions, Globals, DependsOn, Outputs, nested scopes and both query languages. About one
 * template in five holds a mistake somewhere, so errors are exercised as much as expansions.
 */
public final class RandomTemplates {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] SERVICES = {"sqs", "s3", "dynamodb", "secretsmanager", "sns", "kms"};
    private static final String[] CIDRS = {"203.0.113.0/24", "198.51.100.7/32", "192.0.2.64/26", "10.20.0.0/16"};
    private static final String[] DOMAINS = {"api.partner.example", "*.hooks.example.com", "files.vendor.example"};

    private final Random random;
    private final ObjectNode root = NODES.objectNode();
    private final ObjectNode resources;
    private final List<String> functions = new ArrayList<>();
    private final boolean conditional;

    private RandomTemplates(Random random) {
        this.random = random;
        root.putArray("Transform").add("OutboundWishlist").add("AWS::Serverless-2016-10-31");
        conditional = random.nextInt(3) == 0;
        if (conditional) {
            root.putObject("Parameters").putObject("Stage").put("Type", "String").putArray("AllowedValues")
                    .add("dev").add("prod");
            ArrayNode equals = root.putObject("Conditions").putObject("IsProd").putArray("Fn::Equals");
            equals.addObject().put("Ref", "Stage");
            equals.add("prod");
        }
        resources = root.putObject("Resources");
    }

    /** A template drawn from {@code random}. */
    public static ObjectNode template(Random random) {
        return new RandomTemplates(random).build();
    }

    private ObjectNode build() {
        resources.putObject("Queue").put("Type", "AWS::SQS::Queue");
        if (random.nextInt(3) == 0) {
            ObjectNode globals = root.putObject("Globals").putObject("Function");
            globals.put("Runtime", "python3.12").put("Handler", "index.handler");
            if (random.nextBoolean()) {
                globals.set("OutboundNetworkAccess", access(random.nextInt(20) == 0));
            }
        }
        int functionCount = random.nextInt(5);
        for (int i = 0; i < functionCount; i++) {
            function("Fn" + i);
        }
        int machineCount = random.nextInt(4);
        for (int i = 0; i < machineCount; i++) {
            machine("Machine" + i);
        }
        if (!functions.isEmpty() && random.nextBoolean()) {
            ObjectNode outputs = root.putObject("Outputs");
            String function = functions.get(random.nextInt(functions.size()));
            outputs.putObject("FunctionArn").putObject("Value").putArray("Fn::GetAtt").add(function).add("Arn");
            outputs.putObject("FunctionName").putObject("Value").put("Fn::Sub", "${" + function + "}");
        }
        return root;
    }

    private void function(String id) {
        boolean sam = random.nextInt(3) > 0;
        ObjectNode resource = resources.putObject(id);
        resource.put("Type", sam ? "AWS::Serverless::Function" : "AWS::Lambda::Function");
        if (conditional && random.nextInt(3) == 0) {
            resource.put("Condition", "IsProd");
        }
        if (random.nextInt(4) == 0) {
            resource.putArray("DependsOn").add("Queue");
        }
        ObjectNode properties = resource.putObject("Properties");
        properties.put("Runtime", "python3.12").put("Handler", "index.handler");
        if (sam) {
            properties.put("InlineCode", "def handler(e, c): return e");
            if (random.nextBoolean()) {
                ObjectNode policy = properties.putArray("Policies").addObject().putObject("SQSSendMessagePolicy");
                policy.putObject("QueueName").putArray("Fn::GetAtt").add("Queue").add("QueueName");
            }
        } else {
            properties.putObject("Code").put("ZipFile", "def handler(e, c): return e");
            String role = id + "ExecutionRole";
            role(role, "lambda.amazonaws.com");
            properties.putObject("Role").putArray("Fn::GetAtt").add(role).add("Arn");
        }
        if (random.nextInt(3) > 0) {
            properties.set("OutboundNetworkAccess", access(random.nextInt(20) == 0));
        }
        functions.add(id);
    }

    /** An OutboundNetworkAccess value: isolated, an allow-list, or (when {@code broken}) a mistake. */
    private ObjectNode access(boolean broken) {
        ObjectNode access = NODES.objectNode();
        if (broken) {
            switch (random.nextInt(3)) {
                case 0 -> access.put("Enabled", true).putArray("AllowList").addObject().put("Cidr", "300.1.2.3/32");
                case 1 -> access.put("Enabled", true).putArray("AllowList").addObject()
                        .put("Domain", "https://api.partner.example/path");
                default -> access.put("Enabled", "yes");
            }
            return access;
        }
        boolean allowList = random.nextBoolean();
        access.put("Enabled", allowList);
        if (allowList) {
            ArrayNode list = access.putArray("AllowList");
            int entries = 1 + random.nextInt(3);
            List<String> seen = new ArrayList<>();
            for (int e = 0; e < entries; e++) {
                ObjectNode entry = NODES.objectNode();
                if (random.nextBoolean()) {
                    entry.put("Domain", DOMAINS[random.nextInt(DOMAINS.length)]);
                } else {
                    entry.put("Cidr", CIDRS[random.nextInt(CIDRS.length)]);
                    if (random.nextBoolean()) {
                        entry.putArray("Ports").add(443 + random.nextInt(2) * 5000);
                        entry.put("Protocol", random.nextBoolean() ? "tcp" : "all");
                    }
                }
                if (!seen.contains(entry.toString())) {
                    seen.add(entry.toString());
                    list.add(entry);
                }
            }
        }
        if (random.nextBoolean()) {
            ArrayNode services = access.putArray("AwsServices");
            services.add(SERVICES[random.nextInt(SERVICES.length)]);
        }
        return access;
    }

    private void machine(String id) {
        boolean sam = random.nextBoolean();
        ObjectNode resource = resources.putObject(id);
        resource.put("Type", sam ? "AWS::Serverless::StateMachine" : "AWS::StepFunctions::StateMachine");
        if (conditional && random.nextInt(3) == 0) {
            resource.put("Condition", "IsProd");
        }
        ObjectNode properties = resource.putObject("Properties");
        String role = id + "Role";
        role(role, "states.amazonaws.com");
        properties.putObject(sam ? "Role" : "RoleArn").putArray("Fn::GetAtt").add(role).add("Arn");
        boolean jsonata = random.nextInt(4) == 0;
        properties.set("Definition", definition(jsonata, 0));
    }

    /** A definition (or, below the top, a branch or processor) of a few states, maybe with extensions. */
    private ObjectNode definition(boolean jsonata, int depth) {
        ObjectNode definition = NODES.objectNode();
        if (depth == 0 && jsonata) {
            definition.put("QueryLanguage", "JSONata");
        }
        int count = 1 + random.nextInt(depth == 0 ? 6 : 3);
        definition.put("StartAt", "S0");
        boolean handler = random.nextInt(3) > 0;
        if (handler) {
            definition.put("Catch", random.nextInt(40) == 0 ? "Missing" : "Handled");
        }
        if (random.nextInt(3) == 0) {
            ObjectNode retry = definition.putArray("Retry").addObject();
            retry.putArray("ErrorEquals").add("States.TaskFailed");
            retry.put("MaxAttempts", 2);
        }
        ObjectNode states = definition.putObject("States");
        for (int i = 0; i < count; i++) {
            String next = i + 1 < count ? "S" + (i + 1) : null;
            ObjectNode state = states.putObject("S" + i);
            switch (random.nextInt(depth < 2 ? 6 : 4)) {
                case 0, 1 -> task(state, jsonata);
                case 2 -> state.put("Type", "Pass");
                case 3 -> state.put("Type", "Wait").put("Seconds", 1);
                case 4 -> {
                    state.put("Type", "Parallel");
                    ArrayNode branches = state.putArray("Branches");
                    int branchCount = 1 + random.nextInt(2);
                    for (int b = 0; b < branchCount; b++) {
                        branches.add(definition(jsonata, depth + 1));
                    }
                }
                default -> {
                    state.put("Type", "Map");
                    state.set("ItemProcessor", definition(jsonata, depth + 1));
                }
            }
            if (next == null) {
                state.put("End", true);
            } else {
                state.put("Next", next);
            }
        }
        if (handler) {
            states.putObject("Handled").put("Type", "Fail").put("Error", "Handled");
        }
        return definition;
    }

    private void task(ObjectNode state, boolean jsonata) {
        state.put("Type", "Task").put("Resource", "arn:aws:states:::lambda:invoke");
        ObjectNode input = state.putObject(jsonata ? "Arguments" : "Parameters");
        input.put("FunctionName", "arn:aws:lambda:us-east-1:210987654321:function:partner");
        if (!jsonata) {
            input.put("Payload.$", "$");
        }
        switch (random.nextInt(6)) {
            case 0 -> state.put("RoleArn", "arn:aws:iam::210987654321:role/Partner");
            case 1 -> state.putObject("RoleArn").put("Fn::Sub", "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/Local");
            case 2 -> state.put("RoleArn", random.nextInt(30) == 0 ? "not-an-arn" : "arn:aws:iam::210987654321:role/Other");
            default -> {
            }
        }
    }

    private void role(String id, String service) {
        ObjectNode properties = resources.putObject(id).put("Type", "AWS::IAM::Role").putObject("Properties");
        ObjectNode trust = properties.putObject("AssumeRolePolicyDocument");
        trust.put("Version", "2012-10-17");
        ObjectNode statement = trust.putArray("Statement").addObject();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Service", service);
        statement.put("Action", "sts:AssumeRole");
    }

    /** Every leaf of a JSON value with its JSON pointer, for comparing what an expansion kept. */
    public static void leaves(JsonNode node, String pointer, List<String[]> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> leaves(e.getValue(), pointer + "/" + escape(e.getKey()), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), pointer + "/" + i, into);
            }
        } else {
            into.add(new String[] {pointer, node.toString()});
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
