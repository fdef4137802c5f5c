package dev.outboundwishlist.online;

import dev.outboundwishlist.engine.Lookups.NetworkFacts;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeManagedPrefixListsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeManagedPrefixListsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.ManagedPrefixList;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;
import software.amazon.awssdk.services.iam.IamClient;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** EC2's answers about zones, endpoint services and prefix lists, mocked: nothing here calls AWS. */
class AwsNetworkFactsTest {

    private static final String SQS = "com.amazonaws.eu-central-1.sqs";

    private final Ec2Client ec2 = mock(Ec2Client.class);
    private final AwsLookups lookups = new AwsLookups(() -> mock(IamClient.class), region -> ec2);

    @SuppressWarnings("unchecked")
    private void ec2Answers() {
        when(ec2.describeAvailabilityZones(any(Consumer.class))).thenAnswer(call -> {
            DescribeAvailabilityZonesRequest.Builder request = DescribeAvailabilityZonesRequest.builder();
            ((Consumer<DescribeAvailabilityZonesRequest.Builder>) call.getArgument(0)).accept(request);
            assertThat(request.build().filters()).extracting(f -> f.name()).containsExactly("zone-type", "state");
            return DescribeAvailabilityZonesResponse.builder().availabilityZones(
                    AvailabilityZone.builder().zoneName("eu-central-1b").build(),
                    AvailabilityZone.builder().zoneName("eu-central-1a").build()).build();
        });
        when(ec2.describeVpcEndpointServices(any(Consumer.class))).thenAnswer(call -> {
            DescribeVpcEndpointServicesRequest.Builder request = DescribeVpcEndpointServicesRequest.builder();
            ((Consumer<DescribeVpcEndpointServicesRequest.Builder>) call.getArgument(0)).accept(request);
            boolean firstPage = request.build().nextToken() == null;
            return DescribeVpcEndpointServicesResponse.builder()
                    .serviceDetails(ServiceDetail.builder().serviceName(firstPage ? SQS : "com.amazonaws.eu-central-1.sns")
                            .availabilityZones("eu-central-1b", "eu-central-1a")
                            .vpcEndpointPolicySupported(firstPage).build())
                    .nextToken(firstPage ? "page-2" : null).build();
        });
        when(ec2.describeManagedPrefixLists(any(Consumer.class))).thenAnswer(call -> {
            DescribeManagedPrefixListsRequest.Builder request = DescribeManagedPrefixListsRequest.builder();
            ((Consumer<DescribeManagedPrefixListsRequest.Builder>) call.getArgument(0)).accept(request);
            String name = request.build().filters().get(0).values().get(0);
            return DescribeManagedPrefixListsResponse.builder().prefixLists(ManagedPrefixList.builder()
                    .prefixListName(name).prefixListId(name.endsWith(".s3") ? "pl-s3" : "pl-ddb").build()).build();
        });
    }

    @Test
    void zonesEndpointServicesAcrossPagesTheirPolicySupportAndPrefixListsAreGathered() {
        ec2Answers();
        NetworkFacts facts = lookups.networkFacts("eu-central-1", List.of(SQS, "com.amazonaws.eu-central-1.sns"));
        assertThat(facts).isEqualTo(new NetworkFacts.Known(List.of("eu-central-1a", "eu-central-1b"),
                Map.of(SQS, List.of("eu-central-1a", "eu-central-1b"),
                        "com.amazonaws.eu-central-1.sns", List.of("eu-central-1a", "eu-central-1b")),
                Map.of("s3", "pl-s3", "dynamodb", "pl-ddb"), Set.of("com.amazonaws.eu-central-1.sns")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void endpointServicesAreAskedByFilterUnderEveryPartitionsNameAndKeptUnderTheNameEc2Gives() {
        ec2Answers();
        List<DescribeVpcEndpointServicesRequest> asked = new java.util.ArrayList<>();
        when(ec2.describeVpcEndpointServices(any(Consumer.class))).thenAnswer(call -> {
            DescribeVpcEndpointServicesRequest.Builder request = DescribeVpcEndpointServicesRequest.builder();
            ((Consumer<DescribeVpcEndpointServicesRequest.Builder>) call.getArgument(0)).accept(request);
            asked.add(request.build());
            return DescribeVpcEndpointServicesResponse.builder().serviceDetails(ServiceDetail.builder()
                    .serviceName("cn.com.amazonaws.cn-north-1.lambda").availabilityZones("cn-north-1a").build()).build();
        });
        NetworkFacts facts = lookups.networkFacts("cn-north-1", List.of("com.amazonaws.cn-north-1.lambda"));
        // ServiceNames would make EC2 refuse the whole question for a name it does not know.
        assertThat(asked).singleElement().satisfies(request -> {
            assertThat(request.serviceNames()).isEmpty();
            assertThat(request.filters()).singleElement().satisfies(filter -> {
                assertThat(filter.name()).isEqualTo("service-name");
                assertThat(filter.values()).containsExactly("com.amazonaws.cn-north-1.lambda",
                        "cn.com.amazonaws.cn-north-1.lambda");
            });
        });
        assertThat(((NetworkFacts.Known) facts).serviceZones())
                .isEqualTo(Map.of("cn.com.amazonaws.cn-north-1.lambda", List.of("cn-north-1a")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachQuestionIsAskedOnceEvenWhenValidationAndExpansionBothAsk() {
        ec2Answers();
        NetworkFacts first = lookups.networkFacts("eu-central-1", List.of(SQS));
        assertThat(lookups.networkFacts("eu-central-1", List.of(SQS))).isSameAs(first);
        verify(ec2, times(1)).describeAvailabilityZones(any(Consumer.class));
        lookups.networkFacts("eu-central-1", List.of());
        verify(ec2, times(2)).describeAvailabilityZones(any(Consumer.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRefusedCallMakesTheFactsUnavailableWithTheReason() {
        when(ec2.describeAvailabilityZones(any(Consumer.class))).thenThrow(Ec2Exception.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("UnauthorizedOperation").build()).build());
        assertThat(lookups.networkFacts("eu-central-1", List.of())).isEqualTo(new NetworkFacts.Unavailable(
                "not permitted to call ec2:Describe* (zones, endpoint services, prefix lists)"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void missingCredentialsAreSaidPlainly() {
        when(ec2.describeAvailabilityZones(any(Consumer.class))).thenThrow(SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain"));
        assertThat(lookups.networkFacts("eu-central-1", List.of()))
                .isEqualTo(new NetworkFacts.Unavailable("no AWS credentials were found"));
    }
}
