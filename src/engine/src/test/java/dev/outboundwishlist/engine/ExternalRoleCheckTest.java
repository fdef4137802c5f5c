package dev.outboundwishlist.engine;

import dev.outboundwishlist.diagnostics.Diagnostic;
import dev.outboundwishlist.template.TemplateReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** An execution role defined elsewhere: the online check turns the warning into an info or an error. */
class ExternalRoleCheckTest {

    private static final String TEMPLATE = """
            Parameters:
              ExecutionRoleArn: {Type: String}
            Resources:
              Machine:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: %s
                  Definition:
                    StartAt: Remote
                    States:
                      Remote:
                        Type: Task
                        Resource: arn:aws:states:::lambda:invoke
                        RoleArn: arn:aws:iam::210987654321:role/Partner
                        Parameters: {FunctionName: f}
                        End: true
            """;

    private final List<String> asked = new ArrayList<>();

    private Diagnostic run(String role, Lookups.AssumeRoleCheck answer, Map<String, String> parameters) throws Exception {
        Lookups lookups = (roleArn, targets) -> {
            asked.add(roleArn + " -> " + targets);
            return answer;
        };
        var template = TemplateReader.read("t.yaml", TEMPLATE.formatted(role).getBytes(StandardCharsets.UTF_8),
                Optional.empty());
        var result = Engine.standard(lookups).run(template,
                new Environment("us-east-1", Optional.of("123456789012"), parameters, false));
        return result.diagnostics().stream().filter(d -> d.code().id().equals("OWL307")).findFirst().orElseThrow();
    }

    @Test
    void allowedBecomesAnInfo() throws Exception {
        Diagnostic d = run("arn:aws:iam::123456789012:role/shared", new Lookups.AssumeRoleCheck.Allowed(), Map.of());
        assertThat(d.severity().label()).isEqualTo("info");
        assertThat(d.message()).contains("confirms it already allows sts:AssumeRole on arn:aws:iam::210987654321:role/Partner");
        assertThat(asked).containsExactly("arn:aws:iam::123456789012:role/shared -> [arn:aws:iam::210987654321:role/Partner]");
    }

    @Test
    void deniedBecomesAnError() throws Exception {
        Diagnostic d = run("arn:aws:iam::123456789012:role/shared",
                new Lookups.AssumeRoleCheck.Denied(List.of("arn:aws:iam::210987654321:role/Partner")), Map.of());
        assertThat(d.severity().label()).isEqualTo("error");
        assertThat(d.message()).contains("does not allow sts:AssumeRole on arn:aws:iam::210987654321:role/Partner");
    }

    @Test
    void uncheckableStaysAWarningThatSaysWhy() throws Exception {
        Diagnostic d = run("arn:aws:iam::123456789012:role/shared",
                new Lookups.AssumeRoleCheck.Unavailable("not permitted to call iam:SimulatePrincipalPolicy"), Map.of());
        assertThat(d.severity().label()).isEqualTo("warning");
        assertThat(d.message()).endsWith("(not checked: not permitted to call iam:SimulatePrincipalPolicy)");
    }

    @Test
    void aParameterWhoseValueIsKnownIsChecked() throws Exception {
        run("!Ref ExecutionRoleArn", new Lookups.AssumeRoleCheck.Allowed(),
                Map.of("ExecutionRoleArn", "arn:aws:iam::123456789012:role/from-parameter"));
        assertThat(asked).containsExactly(
                "arn:aws:iam::123456789012:role/from-parameter -> [arn:aws:iam::210987654321:role/Partner]");
    }

    @Test
    void aRoleOnlyCloudFormationKnowsIsNotChecked() throws Exception {
        Diagnostic d = run("!ImportValue shared-role", new Lookups.AssumeRoleCheck.Allowed(), Map.of());
        assertThat(asked).isEmpty();
        assertThat(d.message()).endsWith("(not checked: the role or a task role is only known to CloudFormation)");
    }
}
