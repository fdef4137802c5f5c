package dev.outboundwishlist.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Realistic large templates for benchmarks: SAM functions, and state machines whose definitions
 * mix Task, Choice, Parallel and Map states, with a definition-level Catch and Retry and
 * cross-account tasks (task-level RoleArn). Deterministic: the same sizes give the same template.
 * (Functions carry no OutboundNetworkAccess until the network expansion lands.)
 */
public final class TemplateGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The largest template the benchmarks use: 170 resources, about 970 KB once expanded (limit 1 MB). */
    public static ObjectNode largest() {
        return template(150, 20, 150);
    }

    private TemplateGenerator() {
    }

    /** {@code functions} SAM functions and {@code machines} state machines of about {@code states} states each. */
    public static ObjectNode template(int functions, int machines, int states) {
        ObjectNode root = NODES.objectNode();
        root.put("AWSTemplateFormatVersion", "2010-09-09");
        root.putArray("Transform").add("OutboundWishlist").add("AWS::Serverless-2016-10-31");
        root.put("Description", "Generated: " + functions + " functions, " + machines + " state machines of "
                + states + " states");
        ObjectNode resources = root.putObject("Resources");
        for (int f = 0; f < functions; f++) {
            ObjectNode properties = resources.putObject("Function" + f).put("Type", "AWS::Serverless::Function")
                    .putObject("Properties");
            properties.put("Runtime", "python3.12").put("Handler", "index.handler").put("Timeout", 30)
                    .put("InlineCode", "import json\ndef handler(event, context):\n    return {'id': event.get('id')}\n");
            properties.putArray("Policies").addObject().putObject("DynamoDBCrudPolicy").put("TableName", "orders-" + f);
        }
        for (int m = 0; m < machines; m++) {
            ObjectNode properties = resources.putObject("Machine" + m).put("Type", "AWS::Serverless::StateMachine")
                    .putObject("Properties");
            properties.set("Definition", definition(states, functions == 0 ? 1 : functions));
            properties.putArray("Policies").addObject().putObject("LambdaInvokePolicy").put("FunctionName", "*");
        }
        return root;
    }

    /** A definition of {@code states} states: a chain of blocks of Task, Choice, Parallel and Map. */
    public static ObjectNode definition(int states, int functions) {
        ObjectNode definition = NODES.objectNode();
        definition.put("Comment", "generated");
        definition.put("StartAt", "Step0");
        definition.put("Catch", "Failed");
        ArrayNode retry = definition.putArray("Retry");
        retry.addObject().put("MaxAttempts", 3).put("BackoffRate", 2).putArray("ErrorEquals").add("Lambda.ServiceException");
        ObjectNode all = definition.putObject("States");
        int blocks = Math.max(1, (states - 1) / 4);
        for (int b = 0; b < blocks; b++) {
            String next = b + 1 < blocks ? "Step" + (b + 1) : "Done";
            ObjectNode task = task(all.putObject("Step" + b), b % functions, b % 10 == 3);
            task.put("Next", "Check" + b);
            ObjectNode choice = all.putObject("Check" + b).put("Type", "Choice");
            choice.putArray("Choices").addObject().put("Variable", "$.skip").put("BooleanEquals", true).put("Next", next);
            choice.put("Default", "Fan" + b);
            ObjectNode parallel = all.putObject("Fan" + b).put("Type", "Parallel").put("Next", "Each" + b);
            ObjectNode branch = parallel.putArray("Branches").addObject().put("StartAt", "Inner" + b);
            task(branch.putObject("States").putObject("Inner" + b), b % functions, false).put("End", true);
            ObjectNode map = all.putObject("Each" + b).put("Type", "Map").put("ItemsPath", "$.items").put("Next", next);
            ObjectNode processor = map.putObject("ItemProcessor").put("StartAt", "Item" + b);
            task(processor.putObject("States").putObject("Item" + b), b % functions, false).put("End", true);
        }
        all.putObject("Done").put("Type", "Succeed");
        all.putObject("Failed").put("Type", "Fail").put("Error", "WorkflowFailed");
        return definition;
    }

    private static ObjectNode task(ObjectNode state, int function, boolean crossAccount) {
        state.put("Type", "Task").put("Resource", "arn:aws:states:::lambda:invoke");
        if (crossAccount) {
            state.put("RoleArn", "arn:aws:iam::210987654321:role/Partner" + function % 5);
        }
        ObjectNode parameters = state.putObject("Parameters");
        parameters.putObject("FunctionName").putArray("Fn::GetAtt").add("Function" + function).add("Arn");
        parameters.put("Payload.$", "$");
        return state;
    }
}
