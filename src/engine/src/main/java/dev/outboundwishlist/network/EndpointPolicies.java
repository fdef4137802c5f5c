package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.engine.Settings;

import java.util.Optional;
import java.util.Set;

/**
 * VPC endpoint policies. An open endpoint lets code write to an attacker's bucket or queue — the
 * very exfiltration the fence is about — so endpoints allow only resources of the stack's own
 * account (and the trusted ones). That needs the service to report {@code aws:ResourceAccount}
 * on every request; for services where that is not certain (some calls name no resource, so
 * the condition would deny them) the endpoint stays open and a note says so.
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
        if (settings.endpointPolicy() == Settings.EndpointPolicy.FullAccess || !OWN_ACCOUNT_CAPABLE.contains(service)) {
            return Optional.empty();
        }
        ObjectNode document = NODES.objectNode();
        document.put("Version", "2012-10-17");
        ObjectNode statement = document.putArray("Statement").addObject();
        statement.put("Sid", "OwnAccountResourcesOnly");
        statement.put("Effect", "Allow");
        statement.put("Principal", "*");
        statement.put("Action", "*");
        statement.put("Resource", "*");
        ArrayNode accounts = statement.putObject("Condition").putObject("StringEquals").putArray("aws:ResourceAccount");
        accounts.addObject().put("Ref", "AWS::AccountId");
        settings.trustedAccounts().forEach(accounts::add);
        return Optional.of(document);
    }
}
