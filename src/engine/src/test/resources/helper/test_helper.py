"""The cross-account helper's code against botocore's real service models, with every AWS call
answered by botocore's Stubber (which also checks each request against the API): no network."""
import datetime
import io
import json
import os
import sys
import unittest

import boto3
import botocore.session
from botocore.response import StreamingBody
from botocore.stub import Stubber

os.environ["AWS_REGION"] = "us-east-1"
sys.path.insert(0, os.environ["HELPER_DIR"])
import helper  # noqa: E402  (the code exactly as the macro inlines it)

ROLE = "arn:aws:iam::210987654321:role/Partner"
CLIENTS, STUBS, SESSIONS = {}, {}, []


def stub(service):
    client = botocore.session.get_session().create_client(
        service, region_name="us-east-1", aws_access_key_id="a", aws_secret_access_key="b")
    CLIENTS[service] = client
    STUBS[service] = Stubber(client).__enter__()
    return STUBS[service]


class FakeSession:
    def __init__(self, key, secret, token, region):
        SESSIONS.append((key, secret, token, region))

    def client(self, service):
        return CLIENTS[service]


boto3.client = lambda service, **kwargs: CLIENTS[service]
boto3.Session = FakeSession


def body(value):
    data = json.dumps(value).encode()
    return StreamingBody(io.BytesIO(data), len(data))


class HelperTest(unittest.TestCase):
    def setUp(self):
        CLIENTS.clear()
        STUBS.clear()
        SESSIONS.clear()
        os.environ.pop("ALLOWED_INTEGRATIONS", None)
        stub("sts").add_response("assume_role", {"Credentials": {
            "AccessKeyId": "AKIDEXAMPLE12345", "SecretAccessKey": "secret", "SessionToken": "token",
            "Expiration": datetime.datetime(2026, 12, 3)}}, {"RoleArn": ROLE, "RoleSessionName": "owl-exec-1-2"})

    def tearDown(self):
        for stubber in STUBS.values():
            stubber.assert_no_pending_responses()

    def run_task(self, integration, parameters=None, **extra):
        return helper.handler({"RoleArn": ROLE, "Integration": integration, "Parameters": parameters,
                               "SessionName": "exec 1/2", **extra}, None)

    def test_lambda_invoke_returns_the_integration_shape_under_the_assumed_role(self):
        stub("lambda").add_response("invoke", {"StatusCode": 200, "ExecutedVersion": "$LATEST",
                                               "Payload": body({"ok": 1})},
                                    {"FunctionName": "f", "Payload": json.dumps({"a": 1})})
        result = self.run_task("arn:aws:states:::lambda:invoke", {"FunctionName": "f", "Payload": {"a": 1}})
        self.assertEqual(result, {"ExecutedVersion": "$LATEST", "Payload": {"ok": 1}, "StatusCode": 200})
        self.assertEqual(SESSIONS, [("AKIDEXAMPLE12345", "secret", "token", "us-east-1")])

    def test_a_function_error_fails_the_task_with_its_error_type(self):
        stub("lambda").add_response("invoke", {"StatusCode": 200, "FunctionError": "Unhandled",
                                               "Payload": body({"errorType": "OrderRejected"})})
        with self.assertRaises(Exception) as raised:
            self.run_task("arn:aws:states:::lambda:invoke", {"FunctionName": "f"})
        self.assertEqual(type(raised.exception).__name__, "OrderRejected")

    def test_a_lambda_service_error_keeps_the_lambda_prefix(self):
        stub("lambda").add_client_error("invoke", "TooManyRequestsException")
        with self.assertRaises(Exception) as raised:
            self.run_task("arn:aws:states:::lambda:invoke", {"FunctionName": "f"})
        self.assertEqual(type(raised.exception).__name__, "Lambda.TooManyRequestsException")

    def test_a_function_arn_as_resource_gets_the_input_and_returns_the_result(self):
        arn = "arn:aws:lambda:us-east-1:210987654321:function:g"
        stub("lambda").add_response("invoke", {"StatusCode": 200, "Payload": body([1, 2])},
                                    {"FunctionName": arn, "Payload": json.dumps({"x": 1})})
        self.assertEqual(self.run_task(arn, {"x": 1}), [1, 2])

    def test_pascal_case_parameters_reach_a_camel_case_api_and_objects_become_json(self):
        stub("stepfunctions").add_response(
            "start_execution",
            {"executionArn": "arn:aws:states:us-east-1:210987654321:execution:m:e",
             "startDate": datetime.datetime(2026, 12, 3, 17, 0)},
            {"stateMachineArn": "arn:aws:states:us-east-1:210987654321:stateMachine:m", "input": json.dumps({"a": 1})})
        result = self.run_task("arn:aws:states:::aws-sdk:sfn:startExecution",
                               {"StateMachineArn": "arn:aws:states:us-east-1:210987654321:stateMachine:m",
                                "Input": {"a": 1}}, Service="stepfunctions")
        self.assertEqual(result, {"ExecutionArn": "arn:aws:states:us-east-1:210987654321:execution:m:e",
                                  "StartDate": "2026-12-03T17:00:00"})

    def test_an_optimized_integration_turns_an_object_message_into_json(self):
        stub("sqs").add_response("send_message", {"MessageId": "m-1"},
                                 {"QueueUrl": "https://sqs/q", "MessageBody": json.dumps({"order": 7})})
        self.assertEqual(self.run_task("arn:aws:states:::sqs:sendMessage",
                                       {"QueueUrl": "https://sqs/q", "MessageBody": {"order": 7}}),
                         {"MessageId": "m-1"})

    def test_map_keys_are_data_and_stay_as_written(self):
        stub("dynamodb").add_response("get_item", {"Item": {"id": {"S": "1"}}},
                                      {"TableName": "orders", "Key": {"id": {"S": "1"}}})
        self.assertEqual(self.run_task("arn:aws:states:::aws-sdk:dynamodb:getItem",
                                       {"TableName": "orders", "Key": {"id": {"S": "1"}}}),
                         {"Item": {"id": {"S": "1"}}})

    def test_error_names_follow_step_functions(self):
        for integration, service, method, code, expected in [
            ("arn:aws:states:::aws-sdk:dynamodb:getItem", "dynamodb", "get_item", "ResourceNotFoundException",
             "DynamoDb.ResourceNotFoundException"),
            ("arn:aws:states:::dynamodb:getItem", "dynamodb", "get_item", "ConditionalCheckFailedException",
             "DynamoDB.ConditionalCheckFailedException"),
            ("arn:aws:states:::aws-sdk:s3:getObject", "s3", "get_object", "NoSuchBucket", "S3.NoSuchBucketException"),
        ]:
            with self.subTest(integration):
                self.setUp()
                stub(service).add_client_error(method, code)
                with self.assertRaises(Exception) as raised:
                    self.run_task(integration, {"TableName": "orders", "Key": {}} if service == "dynamodb"
                                  else {"Bucket": "b", "Key": "k"})
                self.assertEqual(type(raised.exception).__name__, expected)

    def test_another_region(self):
        stub("sqs").add_response("send_message", {"MessageId": "m"}, {"QueueUrl": "q", "MessageBody": "x"})
        self.run_task("arn:aws:states:::sqs:sendMessage", {"QueueUrl": "q", "MessageBody": "x"}, Region="eu-west-1")
        self.assertEqual(SESSIONS[0][3], "eu-west-1")

    def test_only_the_integrations_of_its_state_machine_are_allowed(self):
        os.environ["ALLOWED_INTEGRATIONS"] = "arn:aws:states:::lambda:invoke"
        STUBS["sts"].__exit__(None, None, None)
        STUBS.clear()
        with self.assertRaises(Exception) as raised:
            self.run_task("arn:aws:states:::aws-sdk:iam:createUser", {"UserName": "x"})
        self.assertEqual(type(raised.exception).__name__, "OutboundWishlist.IntegrationNotAllowed")

    def test_the_service_is_the_one_the_state_names_for_its_integration(self):
        os.environ["ALLOWED_INTEGRATIONS"] = "arn:aws:states:::aws-sdk:s3:putObject s3"
        STUBS["sts"].__exit__(None, None, None)
        STUBS.clear()
        for service in ("mediastore-data", None):
            extra = {"Service": service} if service else {}
            with self.assertRaises(Exception) as raised:
                self.run_task("arn:aws:states:::aws-sdk:s3:putObject", {"Bucket": "b", "Key": "k"}, **extra)
            self.assertEqual(type(raised.exception).__name__, "OutboundWishlist.IntegrationNotAllowed")

    def test_an_unsupported_integration_is_a_clear_error(self):
        with self.assertRaises(Exception) as raised:
            self.run_task("arn:aws:states:us-east-1:123456789012:activity:approve", {})
        self.assertEqual(type(raised.exception).__name__, "OutboundWishlist.UnsupportedIntegration")
        STUBS.clear()


if __name__ == "__main__":
    unittest.main()
