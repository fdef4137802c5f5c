package dev.outboundwishlist.online;

import dev.outboundwishlist.engine.Lookups.AssumeRoleCheck;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** IAM's policy simulator, mocked: nothing here calls AWS. */
class AwsLookupsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/sfn";
    private static final String PARTNER = "arn:aws:iam::210987654321:role/Partner";
    private static final String OTHER = "arn:aws:iam::310987654321:role/Other";

    private final IamClient iam = mock(IamClient.class);

    @SuppressWarnings("unchecked")
    private void simulatorAnswers(EvaluationResult... results) {
        when(iam.simulatePrincipalPolicy(any(Consumer.class)))
                .thenReturn(SimulatePrincipalPolicyResponse.builder().evaluationResults(results).build());
    }

    private static EvaluationResult result(String resource, PolicyEvaluationDecisionType decision) {
        return EvaluationResult.builder().evalActionName("sts:AssumeRole").evalResourceName(resource)
                .evalDecision(decision).build();
    }

    @Test
    void everyRoleAllowed() {
        simulatorAnswers(result(PARTNER, PolicyEvaluationDecisionType.ALLOWED),
                result(OTHER, PolicyEvaluationDecisionType.ALLOWED));
        assertThat(new AwsLookups(() -> iam).canAssume(ROLE, List.of(PARTNER, OTHER)))
                .isInstanceOf(AssumeRoleCheck.Allowed.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRequestAsksAboutExactlyTheRoles() {
        simulatorAnswers(result(PARTNER, PolicyEvaluationDecisionType.ALLOWED));
        new AwsLookups(() -> iam).canAssume(ROLE, List.of(PARTNER));
        var captor = org.mockito.ArgumentCaptor.forClass(Consumer.class);
        verify(iam).simulatePrincipalPolicy(captor.capture());
        SimulatePrincipalPolicyRequest.Builder builder = SimulatePrincipalPolicyRequest.builder();
        ((Consumer<SimulatePrincipalPolicyRequest.Builder>) captor.getValue()).accept(builder);
        SimulatePrincipalPolicyRequest request = builder.build();
        assertThat(request.policySourceArn()).isEqualTo(ROLE);
        assertThat(request.actionNames()).containsExactly("sts:AssumeRole");
        assertThat(request.resourceArns()).containsExactly(PARTNER);
    }

    @Test
    void someRolesDenied() {
        simulatorAnswers(result(PARTNER, PolicyEvaluationDecisionType.ALLOWED),
                result(OTHER, PolicyEvaluationDecisionType.IMPLICIT_DENY));
        assertThat(new AwsLookups(() -> iam).canAssume(ROLE, List.of(PARTNER, OTHER)))
                .isEqualTo(new AssumeRoleCheck.Denied(List.of(OTHER)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void notPermittedToSimulate() {
        when(iam.simulatePrincipalPolicy(any(Consumer.class))).thenThrow(
                IamException.builder().statusCode(403).message("AccessDenied").build());
        assertThat(new AwsLookups(() -> iam).canAssume(ROLE, List.of(PARTNER)))
                .isEqualTo(new AssumeRoleCheck.Unavailable("not permitted to call iam:SimulatePrincipalPolicy"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void noSuchRole() {
        when(iam.simulatePrincipalPolicy(any(Consumer.class))).thenThrow(
                NoSuchEntityException.builder().statusCode(404).message("no role").build());
        assertThat(new AwsLookups(() -> iam).canAssume(ROLE, List.of(PARTNER)))
                .isEqualTo(new AssumeRoleCheck.Unavailable("IAM has no such role in this account"));
    }

    @Test
    void noCredentials() {
        AwsLookups lookups = new AwsLookups(() -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
        });
        assertThat(lookups.canAssume(ROLE, List.of(PARTNER)))
                .isEqualTo(new AssumeRoleCheck.Unavailable("no AWS credentials were found"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void noNetwork() {
        when(iam.simulatePrincipalPolicy(any(Consumer.class))).thenThrow(
                SdkClientException.create("Unable to execute HTTP request: iam.amazonaws.com"));
        assertThat(new AwsLookups(() -> iam).canAssume(ROLE, List.of(PARTNER)))
                .isEqualTo(new AssumeRoleCheck.Unavailable("AWS could not be reached (SdkClientException)"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClientIsBuiltOnlyWhenAsked() {
        new AwsLookups(() -> iam);
        verify(iam, never()).simulatePrincipalPolicy(any(Consumer.class));
    }
}
