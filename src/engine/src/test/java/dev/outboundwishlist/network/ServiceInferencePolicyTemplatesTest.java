package dev.outboundwishlist.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SAM policy template table is SAM's own templates mapped by their Allow statements' actions.
 * SAM's file is read where it is installed: the system property {@code samPolicyTemplates}, or the
 * tools folder of the development machine; elsewhere this is skipped, so a user's build does not need it.
 */
class ServiceInferencePolicyTemplatesTest {

    private static final Path DEFAULT = Path.of("/work/tools/serverless-application-model/samtranslator/"
            + "policy_templates_data/policy_templates.json");

    @Test
    void tableMatchesSamsTemplates() throws Exception {
        Path file = Path.of(System.getProperty("samPolicyTemplates", DEFAULT.toString()));
        Assumptions.assumeTrue(Files.isRegularFile(file), "no SAM policy_templates.json at " + file);
        JsonNode templates = new ObjectMapper().readTree(file.toFile()).path("Templates");
        Map<String, Set<String>> derived = new TreeMap<>();
        templates.fields().forEachRemaining(t -> derived.put(t.getKey(), services(t.getValue().path("Definition"))));
        assertThat(derived).hasSizeGreaterThan(50);
        assertThat(new TreeMap<>(KnownPolicies.SAM_TEMPLATES)).isEqualTo(derived);
    }

    @Test
    void derivationReadsOnlyAllowStatements() throws Exception {
        JsonNode definition = new ObjectMapper().readTree("""
                {"Statement": [{"Effect": "Deny", "Action": "sqs:*"}, {"Effect": "Allow", "Action": "sns:Publish"},
                               {"Effect": "Allow", "Action": ["kinesis:PutRecord", "ses:SendEmail"]}]}""");
        assertThat(services(definition)).containsExactly("kinesis-streams", "sns");
    }

    /** What a template grants, by the same rules as an inline policy. */
    private static Set<String> services(JsonNode definition) {
        Set<String> services = new TreeSet<>();
        JsonNode statements = definition.path("Statement");
        for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
            if (!statement.path("Effect").asText().equals("Allow")) {
                continue;
            }
            JsonNode action = statement.path("Action");
            for (JsonNode one : action.isArray() ? action : List.of(action)) {
                services.addAll(IamActions.services(one.asText()));
            }
        }
        return services;
    }
}
