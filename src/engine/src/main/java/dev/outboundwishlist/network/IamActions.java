package dev.outboundwishlist.network;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The endpoint services an IAM action (or a wildcard such as {@code sqs:*} or {@code s3:Get*})
 * lets a function call. An action's prefix mostly decides; where one prefix spans several
 * endpoints, or covers calls that never use the function's network, named actions decide.
 * {@code *} alone and unknown prefixes say nothing: guessing would open endpoints nobody asked for.
 */
final class IamActions {

    /**
     * How one IAM prefix maps: {@code rest} for every action not in {@code named} (null: none), and
     * {@code named} for those actions, by lowercase name (an empty service: none).
     */
    private record Prefix(String rest, Map<String, String> named) {
    }

    private static final String NONE = "";

    private static final Map<String, Prefix> PREFIXES = Map.ofEntries(
            Map.entry("kinesis", new Prefix("kinesis-streams", Map.of())),
            Map.entry("firehose", new Prefix("kinesis-firehose", Map.of())),
            Map.entry("cloudwatch", new Prefix("monitoring", Map.of())),
            // Express workflows are started synchronously through their own endpoint.
            Map.entry("states", new Prefix("states", Map.of("startsyncexecution", "sync-states"))),
            // The rest of sagemaker, bedrock and appconfig is the control plane, which has no endpoint here.
            Map.entry("sagemaker", new Prefix(null, Map.of("invokeendpoint", "sagemaker.runtime",
                    "invokeendpointasync", "sagemaker.runtime",
                    "invokeendpointwithresponsestream", "sagemaker.runtime"))),
            Map.entry("bedrock", new Prefix(null, Map.ofEntries(
                    Map.entry("invokemodel", "bedrock-runtime"),
                    Map.entry("invokemodelwithresponsestream", "bedrock-runtime"),
                    Map.entry("invokemodelwithbidirectionalstream", "bedrock-runtime"),
                    Map.entry("converse", "bedrock-runtime"), Map.entry("conversestream", "bedrock-runtime"),
                    Map.entry("applyguardrail", "bedrock-runtime"),
                    Map.entry("invokeagent", "bedrock-agent-runtime"), Map.entry("invokeflow", "bedrock-agent-runtime"),
                    Map.entry("retrieve", "bedrock-agent-runtime"),
                    Map.entry("retrieveandgenerate", "bedrock-agent-runtime")))),
            Map.entry("appconfig", new Prefix(null, Map.of("startconfigurationsession", "appconfigdata",
                    "getlatestconfiguration", "appconfigdata"))),
            // These are what Lambda itself does for the function (AWSLambdaBasicExecutionRole,
            // AWSLambdaVPCAccessExecutionRole): it writes the function's logs and manages its network
            // interfaces outside the function's network, so granting them says nothing about its calls.
            Map.entry("logs", new Prefix("logs", Map.of("createloggroup", NONE, "createlogstream", NONE,
                    "putlogevents", NONE))),
            Map.entry("ec2", new Prefix("ec2", Map.of("createnetworkinterface", NONE, "describenetworkinterfaces", NONE,
                    "deletenetworkinterface", NONE, "detachnetworkinterface", NONE, "assignprivateipaddresses", NONE,
                    "unassignprivateipaddresses", NONE, "describesubnets", NONE))),
            // Mounting a file system is NFS to its mount targets, not a call to the EFS API.
            Map.entry("elasticfilesystem", new Prefix("elasticfilesystem", Map.of("clientmount", NONE,
                    "clientwrite", NONE, "clientrootaccess", NONE))));

    private IamActions() {
    }

    /** The services {@code action} lets a function call, in name order; empty when it says nothing. */
    static Set<String> services(String action) {
        Set<String> services = new TreeSet<>();
        int colon = action.indexOf(':');
        if (colon <= 0 || colon == action.length() - 1) {
            return services;
        }
        String prefix = action.substring(0, colon).toLowerCase(Locale.ROOT);
        String name = action.substring(colon + 1).toLowerCase(Locale.ROOT);
        Prefix rule = PREFIXES.get(prefix);
        if (rule == null) {
            if (AwsServices.isKnown(prefix)) {
                services.add(prefix);
            }
            return services;
        }
        Pattern glob = glob(name);
        for (Map.Entry<String, String> named : rule.named().entrySet()) {
            if (glob.matcher(named.getKey()).matches() && !named.getValue().equals(NONE)) {
                services.add(named.getValue());
            }
        }
        // A wildcard is never a named action, so it always stands for some of the rest too.
        if (rule.rest() != null && !rule.named().containsKey(name)) {
            services.add(rule.rest());
        }
        return services;
    }

    /** IAM's wildcards: {@code *} any run of characters, {@code ?} any one. */
    static Pattern glob(String name) {
        StringBuilder regex = new StringBuilder();
        for (char c : name.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
