package dev.outboundwishlist.online;

import dev.outboundwishlist.engine.Lookups;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The lookups, answered by AWS with the credentials at hand. Clients are built on first use,
 * so a run that asks nothing never loads the SDK's clients (a quicker cold start).
 */
public final class AwsLookups implements Lookups {

    private final Supplier<IamClient> iam;
    private IamClient client;

    AwsLookups(Supplier<IamClient> iam) {
        this.iam = iam;
    }

    /** Lookups with the default credential chain; IAM is global within the stack's partition. */
    public static AwsLookups forPartition(String partition) {
        Region iamRegion = switch (partition) {
            case "aws-cn" -> Region.AWS_CN_GLOBAL;
            case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL;
            default -> Region.AWS_GLOBAL;
        };
        return new AwsLookups(() -> IamClient.builder()
                .region(iamRegion)
                .httpClient(UrlConnectionHttpClient.create())
                .build());
    }

    @Override
    public synchronized AssumeRoleCheck canAssume(String roleArn, List<String> targetRoleArns) {
        try {
            if (client == null) {
                client = iam.get();
            }
            SimulatePrincipalPolicyResponse response = client.simulatePrincipalPolicy(request -> request
                    .policySourceArn(roleArn)
                    .actionNames("sts:AssumeRole")
                    .resourceArns(targetRoleArns));
            List<String> denied = new ArrayList<>();
            for (EvaluationResult result : response.evaluationResults()) {
                if (result.evalDecision() != PolicyEvaluationDecisionType.ALLOWED) {
                    denied.add(result.evalResourceName());
                }
            }
            return denied.isEmpty() ? new AssumeRoleCheck.Allowed() : new AssumeRoleCheck.Denied(denied);
        } catch (NoSuchEntityException e) {
            return new AssumeRoleCheck.Unavailable("IAM has no such role in this account");
        } catch (IamException e) {
            return new AssumeRoleCheck.Unavailable(e.statusCode() == 403
                    ? "not permitted to call iam:SimulatePrincipalPolicy" : "IAM answered " + e.statusCode());
        } catch (SdkException e) {
            String message = String.valueOf(e.getMessage());
            return new AssumeRoleCheck.Unavailable(message.contains("credentials")
                    ? "no AWS credentials were found" : "AWS could not be reached (" + e.getClass().getSimpleName() + ")");
        }
    }
}
