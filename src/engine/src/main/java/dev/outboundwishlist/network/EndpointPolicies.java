package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.engine.Settings;

import java.util.Optional;
import java.util.Set;

/**
 * VPC endpoint policies. An open endpoint lets code write to an attacker's bucket or queue, or
 * send anything with an attacker's own access keys — the very exfiltration the fence is about.
 * So every endpoint allows only principals of the stack's own account (and the trusted ones),
 * and, where every call of the service names a resource carrying {@code aws:ResourceAccount},
 * only resources of those accounts too.
 */
final class EndpointPolicies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Services whose every data-plane call names a resource carrying aws:ResourceAccount. */
    static final Set<String> OWN_ACCOUNT_CAPABLE = Set.of("s3", "dynamodb", "sqs", "sns", "secretsmanager", "kms",
            "lambda", "states", "sync-states", "events", "kinesis-streams", "kinesis-firehose", "ssm");

    private EndpointPolicies() {
    }

    /** The policy for a service's endpoint, or empty for full access. */
    static Optional<ObjectNode> of(String service, Settings.Network settings) {
        if (settings.endpointPolicy() == Settings.EndpointPolicy.FullAccess) {
            return Optional.empty();
        }
        ObjectNode document = NODES.objectNode();
        document.put("Version", "2012-10-17");
        ObjectNode statement = document.putArray("Statement").addObject();
        statement.put("Sid", "OwnAccountOnly");
        statement.put("Effect", "Allow");
        statement.put("Principal", "*");
        statement.put("Action", "*");
        statement.put("Resource", "*");
        ObjectNode equals = statement.putObject("Condition").putObject("StringEquals");
        accounts(equals.putArray("aws:PrincipalAccount"), settings);
        if (OWN_ACCOUNT_CAPABLE.contains(service)) {
            accounts(equals.putArray("aws:ResourceAccount"), settings);
        }
        return Optional.of(document);
    }

    private static void accounts(ArrayNode list, Settings.Network settings) {
        list.addObject().put("Ref", "AWS::AccountId");
        settings.trustedAccounts().forEach(list::add);
    }
}
