package dev.outboundwishlist.corpus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.template.TemplateReader;
import dev.outboundwishlist.testing.AslStructure;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The structural ASL check itself must catch what it claims to catch. */
class AslStructureTest {

    private static ObjectNode definition(String yaml) throws Exception {
        return TemplateReader.read("d.yaml", yaml.getBytes(StandardCharsets.UTF_8), Optional.empty()).root();
    }

    @Test
    void aValidDefinitionHasNoProblems() throws Exception {
        assertThat(AslStructure.problems(definition("""
                StartAt: A
                States:
                  A: {Type: Task, Resource: x, Catch: [{ErrorEquals: [States.ALL], Next: B}], Next: B}
                  B: {Type: Succeed}
                """))).isEmpty();
    }

    @Test
    void aMissingStartIsFound() throws Exception {
        assertThat(AslStructure.problems(definition("""
                StartAt: Missing
                States:
                  A: {Type: Succeed}
                """))).containsExactly("definition/StartAt: 'Missing' is not a state of this scope",
                "States/A: not reachable from StartAt");
    }

    @Test
    void everyKindOfProblemIsFound() throws Exception {
        assertThat(AslStructure.problems(definition("""
                StartAt: A
                Catch: B
                States:
                  A:
                    Type: Task
                    Resource: x
                    RoleArn: arn:aws:iam::123456789012:role/r
                    Catch: [{ErrorEquals: [States.ALL, X], Next: Nowhere}]
                    Next: B
                    End: true
                  B: {Type: Sleep}
                  C: {Type: Succeed}
                """))).containsExactly(
                "definition: definition-level Catch left",
                "States/A: extension key RoleArn left",
                "States/A: needs exactly one of Next and End",
                "States/A/Catch/0: States.ALL not alone and last",
                "States/A/Catch/0/Next: 'Nowhere' is not a state of this scope",
                "States/B: unknown Type 'Sleep'",
                "States/B: needs exactly one of Next and End",
                "States/C: not reachable from StartAt");
    }
}
