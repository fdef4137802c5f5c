package dev.outboundwishlist.online;

import dev.outboundwishlist.engine.Environment;
import dev.outboundwishlist.engine.Lookups;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The lookups, answered by AWS with the credentials at hand. Clients are built on first use,
 * so a run that asks nothing never loads the SDK's clients (a quicker cold start).
 */
public final class AwsLookups implements Lookups {

    /** The China Regions name many endpoint services cn.com.amazonaws.REGION.NAME, varying by service. */
    private static final String CHINA_PREFIX = "cn.";

    private final Supplier<IamClient> iam;
    private final Function<String, Ec2Client> ec2;
    /** Validation and expansion both plan the network: EC2 is asked once per question. */
    private final Map<List<String>, NetworkFacts> networkAnswers = new HashMap<>();
    private IamClient client;

    AwsLookups(Supplier<IamClient> iam, Function<String, Ec2Client> ec2) {
        this.iam = iam;
        this.ec2 = ec2;
    }

    AwsLookups(Supplier<IamClient> iam) {
        this(iam, region -> {
            throw new IllegalStateException("no EC2 client in this test");
        });
    }

    /**
     * Lookups with the default credential chain: IAM is global within the stack's partition,
     * EC2 answers for the stack's Region.
     */
    public static AwsLookups forRegion(String region) {
        Region iamRegion = switch (Environment.partitionOf(region)) {
            case "aws-cn" -> Region.AWS_CN_GLOBAL;
            case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL;
            default -> Region.AWS_GLOBAL;
        };
        return new AwsLookups(() -> IamClient.builder()
                .region(iamRegion)
                .httpClient(UrlConnectionHttpClient.create())
                .build(),
                name -> Ec2Client.builder().region(Region.of(name)).httpClient(UrlConnectionHttpClient.create()).build());
    }

    /**
     * Three read-only calls: available zones, the zones of each endpoint service (under the name
     * EC2 gives it, which in the China Regions may start with {@code cn.}) and whether it takes an
     * endpoint policy, and the AWS prefix lists of S3 and DynamoDB. Any failure makes the whole
     * answer unavailable, with why.
     */
    @Override
    public synchronized NetworkFacts networkFacts(String region, List<String> endpointServices) {
        List<String> question = new ArrayList<>(endpointServices);
        question.add(0, region);
        return networkAnswers.computeIfAbsent(question, q -> askEc2(region, endpointServices));
    }

    private NetworkFacts askEc2(String region, List<String> endpointServices) {
        try (Ec2Client client = ec2.apply(region)) {
            List<String> zones = client.describeAvailabilityZones(request -> request.filters(
                            Filter.builder().name("zone-type").values("availability-zone").build(),
                            Filter.builder().name("state").values("available").build()))
                    .availabilityZones().stream().map(AvailabilityZone::zoneName).sorted().toList();
            Map<String, List<String>> serviceZones = new TreeMap<>();
            Set<String> withoutPolicy = new TreeSet<>();
            if (!endpointServices.isEmpty()) {
                // A filter, not ServiceNames: EC2 refuses a name it does not know instead of leaving it out.
                List<String> namesInEveryPartition = new ArrayList<>();
                for (String name : endpointServices) {
                    namesInEveryPartition.add(name);
                    namesInEveryPartition.add(CHINA_PREFIX + name);
                }
                String token = null;
                do {
                    String next = token;
                    DescribeVpcEndpointServicesResponse page = client.describeVpcEndpointServices(request -> request
                            .filters(Filter.builder().name("service-name").values(namesInEveryPartition).build())
                            .nextToken(next));
                    for (ServiceDetail detail : page.serviceDetails()) {
                        serviceZones.put(detail.serviceName(), detail.availabilityZones().stream().sorted().toList());
                        if (Boolean.FALSE.equals(detail.vpcEndpointPolicySupported())) {
                            withoutPolicy.add(detail.serviceName());
                        }
                    }
                    token = page.nextToken();
                } while (token != null && !token.isEmpty());
            }
            Map<String, String> prefixLists = new TreeMap<>();
            for (String service : List.of("s3", "dynamodb")) {
                String name = "com.amazonaws." + region + "." + service;
                client.describeManagedPrefixLists(request -> request.filters(Filter.builder().name("prefix-list-name")
                                .values(name).build()))
                        .prefixLists().stream().filter(list -> name.equals(list.prefixListName())).findFirst()
                        .ifPresent(list -> prefixLists.put(service, list.prefixListId()));
            }
            return new NetworkFacts.Known(zones, serviceZones, prefixLists, withoutPolicy);
        } catch (Ec2Exception e) {
            return new NetworkFacts.Unavailable(e.statusCode() == 403 || "UnauthorizedOperation".equals(
                    e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode())
                    ? "not permitted to call ec2:Describe* (zones, endpoint services, prefix lists)"
                    : "EC2 answered " + e.statusCode());
        } catch (SdkException e) {
            String message = String.valueOf(e.getMessage());
            return new NetworkFacts.Unavailable(message.contains("credentials")
                    ? "no AWS credentials were found" : "AWS could not be reached (" + e.getClass().getSimpleName() + ")");
        }
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
