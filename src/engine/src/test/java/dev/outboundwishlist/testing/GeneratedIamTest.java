package dev.outboundwishlist.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedIamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aGeneratedWildcardIsFoundAndAWrittenOneIsNot() throws Exception {
        var input = JSON.readTree("{\"Allowed\": [\"arn:aws:iam::1:role/T-*\"], "
                + "\"Old\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}}");
        var output = JSON.readTree("{\"Old\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}, "
                + "\"New\": {\"Effect\": \"Allow\", \"Action\": [\"sts:AssumeRole\", \"s3:*\"], "
                + "\"Resource\": [\"arn:aws:iam::1:role/T-*\", \"*\"]}}");
        assertThat(GeneratedIam.wildcards(input, output)).hasSize(2)
                .allSatisfy(p -> assertThat(p).matches("(Action s3:\\*|Resource \\*) in .*"));
    }
}
