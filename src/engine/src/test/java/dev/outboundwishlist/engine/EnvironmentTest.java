package dev.outboundwishlist.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentTest {

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
        "us-east-1, aws", "eu-central-2, aws", "cn-northwest-1, aws-cn", "us-gov-west-1, aws-us-gov",
        "us-iso-east-1, aws-iso", "us-isob-east-1, aws-iso-b", "eu-isoe-west-1, aws-iso-e",
        "us-isof-south-1, aws-iso-f", "eusc-de-east-1, aws-eusc"})
    void eachRegionIsInItsPartition(String region, String partition) {
        assertThat(Environment.partitionOf(region)).isEqualTo(partition);
    }
}
