package dev.outboundwishlist.taskrole;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Step Functions' service names, as the helper's boto3 knows them. */
class BotoServicesTest {

    @Test
    void namesThatDifferAreMapped() {
        assertThat(BotoServices.of("arn:aws:states:::aws-sdk:costexplorer:getCostAndUsage")).isEqualTo("ce");
        assertThat(BotoServices.of("arn:aws:states:::aws-sdk:cognitoidentityprovider:adminGetUser")).isEqualTo("cognito-idp");
        assertThat(BotoServices.of("arn:aws:states:::aws-sdk:elasticloadbalancingv2:describeTargetHealth")).isEqualTo("elbv2");
        assertThat(BotoServices.of("arn:aws:states:::aws-sdk:sfn:startExecution")).isEqualTo("stepfunctions");
        assertThat(BotoServices.of("arn:aws:states:::elasticmapreduce:addStep")).isEqualTo("emr");
        assertThat(BotoServices.of("arn:aws:states:::bedrock:invokeModel")).isEqualTo("bedrock-runtime");
        assertThat(BotoServices.of("arn:aws:states:::states:startExecution")).isEqualTo("stepfunctions");
    }

    @Test
    void namesThatAgreeStay() {
        assertThat(BotoServices.of("arn:aws:states:::aws-sdk:dynamodb:getItem")).isEqualTo("dynamodb");
        assertThat(BotoServices.of("arn:aws:states:::sqs:sendMessage")).isEqualTo("sqs");
        assertThat(BotoServices.of("arn:aws:states:::lambda:invoke")).isEqualTo("lambda");
        assertThat(BotoServices.of("arn:aws:lambda:us-east-1:210987654321:function:f")).isEqualTo("lambda");
        assertThat(BotoServices.of("arn:aws:states:us-east-1:123456789012:activity:a")).isNull();
    }
}
