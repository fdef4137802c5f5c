package dev.outboundwishlist.network;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointPoliciesTest {

    @Test
    void everyDeniedCallIsOneTheServiceEndpointServes() {
        for (Map.Entry<String, List<String>> service : EndpointPolicies.DENIED.entrySet()) {
            assertThat(AwsServices.isKnown(service.getKey())).as(service.getKey()).isTrue();
            for (String action : service.getValue()) {
                assertThat(action).as(service.getKey()).matches("[a-z0-9-]+:[A-Z][A-Za-z0-9]+");
                // ECR's actions open no endpoint by inference (Lambda pulls images itself), so say it here.
                boolean served = service.getKey().equals("ecr.api") ? action.startsWith("ecr:")
                        : IamActions.services(action).contains(service.getKey());
                assertThat(served).as(action + " through the " + service.getKey() + " endpoint").isTrue();
            }
        }
    }

    @Test
    void theGatewayEndpointsDenySharingTheirResourcesOutward() {
        assertThat(EndpointPolicies.DENIED.get("s3")).contains("s3:PutBucketPolicy", "s3:PutReplicationConfiguration");
        assertThat(EndpointPolicies.DENIED.get("dynamodb")).contains("dynamodb:ExportTableToPointInTime");
    }
}
