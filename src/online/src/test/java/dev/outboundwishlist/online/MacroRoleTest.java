package dev.outboundwishlist.online;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outboundwishlist.template.TemplateReader;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.InvocationOnMock;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.utils.builder.SdkBuilder;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The macro's own role in {@code template.yaml} grants exactly the calls the handler makes: the
 * AWS SDK clients are mocked to record every call the online lookups make, and each recorded
 * call must be granted, and each granted action must have been called.
 */
class MacroRoleTest {

    private final Set<String> called = new TreeSet<>();

    /** Records {@code service:Operation} and answers with an empty response of the right type. */
    private Object record(String service, InvocationOnMock call) throws ReflectiveOperationException {
        Method method = call.getMethod();
        if (method.getName().equals("close") || method.getName().equals("serviceName")) {
            return null;
        }
        called.add(service + ":" + Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1));
        return ((SdkBuilder<?, ?>) method.getReturnType().getMethod("builder").invoke(null)).build();
    }

    private static List<JsonNode> statements(JsonNode policies) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode policy : policies) {
            // The online grant sits in Fn::If [condition, policy, AWS::NoValue].
            JsonNode granted = policy.has("Fn::If") ? policy.get("Fn::If").get(1) : policy;
            granted.at("/PolicyDocument/Statement").forEach(found::add);
        }
        return found;
    }

    private static Set<String> actions(List<JsonNode> statements, String prefix) {
        Set<String> actions = new TreeSet<>();
        for (JsonNode statement : statements) {
            JsonNode action = statement.get("Action");
            for (JsonNode name : action.isArray() ? action : List.of(action)) {
                if (name.textValue().startsWith(prefix)) {
                    actions.add(name.textValue());
                }
            }
        }
        return actions;
    }

    @Test
    void theMacroRoleGrantsExactlyTheCallsTheLookupsMake() throws Exception {
        Ec2Client ec2 = mock(Ec2Client.class, call -> record("ec2", call));
        IamClient iam = mock(IamClient.class, call -> record("iam", call));
        AwsLookups lookups = new AwsLookups(() -> iam, region -> ec2);
        lookups.networkFacts("eu-central-1", List.of("com.amazonaws.eu-central-1.sqs"));
        lookups.canAssume("arn:aws:iam::123456789012:role/machine", List.of("arn:aws:iam::210987654321:role/task"));

        JsonNode role = TemplateReader.read(Path.of("../../template.yaml")).root().at("/Resources/MacroRole");
        List<JsonNode> statements = statements(role.at("/Properties/Policies"));
        assertThat(actions(statements, "")).as("every granted action").containsExactlyInAnyOrderElementsOf(
                concat(called, Set.of("logs:CreateLogStream", "logs:PutLogEvents")));
        assertThat(role.at("/Properties/ManagedPolicyArns").isMissingNode()).as("no managed policy").isTrue();
        for (JsonNode statement : statements) {
            assertThat(statement.get("Effect").textValue()).isEqualTo("Allow");
            boolean everyResource = "*".equals(statement.get("Resource").textValue());
            // EC2's Describe calls support no resource-level permissions: AWS requires "*" for them alone.
            assertThat(!everyResource || actions(List.of(statement), "").stream().allMatch(a -> a.startsWith("ec2:Describe")))
                    .as("Resource * only for EC2 Describe calls: " + statement).isTrue();
        }
    }

    private static Set<String> concat(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
