package dev.outboundwishlist.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingress check itself, on outputs whose answer is known. */
class GeneratedIngressTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VPC = "\"OwlVpc\": {\"Type\": \"AWS::EC2::VPC\", \"Properties\": {\"CidrBlock\": \"10.192.0.0/16\"}}";

    private static JsonNode resources(String body) throws Exception {
        return JSON.readTree("{\"Resources\": {" + body + "}}");
    }

    private static String group(String id, String ingress) {
        return "\"" + id + "\": {\"Type\": \"AWS::EC2::SecurityGroup\", \"Properties\": {\"SecurityGroupIngress\": ["
                + ingress + "]}}";
    }

    @Test
    void httpsFromTheFenceIntoTheEndpointsIsTheOnlyWayIn() throws Exception {
        JsonNode input = resources("");
        String https = "{\"IpProtocol\": \"tcp\", \"FromPort\": 443, \"ToPort\": 443, ";
        assertThat(GeneratedIngress.problems(input, resources(VPC + ", "
                + group("OwlEndpointSecurityGroup", https + "\"CidrIp\": \"10.192.0.0/16\"}")))).isEmpty();
        assertThat(GeneratedIngress.problems(input, resources(VPC + ", "
                + group("OwlEndpointSecurityGroup", https + "\"CidrIp\": \"0.0.0.0/0\"}")))).hasSize(1);
        assertThat(GeneratedIngress.problems(input, resources(group("OwlEndpointSecurityGroup",
                "{\"IpProtocol\": \"tcp\", \"FromPort\": 0, \"ToPort\": 65535, \"SourceSecurityGroupId\": "
                        + "{\"Ref\": \"OwlFencedFunctions\"}}")))).hasSize(1);
        assertThat(GeneratedIngress.problems(input, resources(group("OwlWorkerSecurityGroup",
                https + "\"CidrIp\": \"10.0.0.0/8\"}")))).hasSize(1);
        assertThat(GeneratedIngress.problems(input, resources("\"OwlOpen\": {\"Type\": "
                + "\"AWS::EC2::SecurityGroupIngress\"}"))).hasSize(1);
        assertThat(GeneratedIngress.problems(resources(group("UserGroup", https + "\"CidrIp\": \"0.0.0.0/0\"}")),
                resources(group("UserGroup", https + "\"CidrIp\": \"0.0.0.0/0\"}")))).as("the user's own").isEmpty();
    }
}
