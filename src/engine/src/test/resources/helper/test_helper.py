"""Tests of the cross-account helper's code, with boto3 and botocore replaced by fakes (no AWS)."""
import datetime
import io
import json
import os
import sys
import types
import unittest

CALLS = []


class ClientError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.response = {"Error": {"Code": code}}


class FakeClient:
    def __init__(self, service, **kwargs):
        self.service = service
        self.kwargs = kwargs

    def assume_role(self, **kwargs):
        CALLS.append(("sts", "assume_role", kwargs))
        return {"Credentials": {"AccessKeyId": "AKID", "SecretAccessKey": "SECRET", "SessionToken": "TOKEN"}}

    def invoke(self, **kwargs):
        CALLS.append((self.service, "invoke", kwargs, self.kwargs))
        payload = json.loads(kwargs.get("Payload") or "null")
        if isinstance(payload, dict) and payload.get("fail"):
            body = json.dumps({"errorType": "OrderRejected", "errorMessage": "no"})
            return {"StatusCode": 200, "FunctionError": "Unhandled", "Payload": io.BytesIO(body.encode())}
        return {"StatusCode": 200, "ExecutedVersion": "$LATEST",
                "Payload": io.BytesIO(json.dumps({"echo": payload}).encode())}

    def get_item(self, **kwargs):
        CALLS.append((self.service, "get_item", kwargs, self.kwargs))
        if kwargs.get("TableName") == "missing":
            raise ClientError("ResourceNotFoundException")
        return {"Item": {"id": {"S": "1"}}, "ResponseMetadata": {"RequestId": "r"}}

    def publish(self, **kwargs):
        CALLS.append((self.service, "publish", kwargs, self.kwargs))
        return {"MessageId": "m-1", "ResponseMetadata": {}}

    def list_objects_v2(self, **kwargs):
        CALLS.append((self.service, "list_objects_v2", kwargs, self.kwargs))
        return {"Contents": [{"Key": "k", "LastModified": datetime.datetime(2026, 12, 3, 17, 0, 0)}]}


boto3 = types.ModuleType("boto3")
boto3.client = lambda service, **kwargs: FakeClient(service, **kwargs)
botocore = types.ModuleType("botocore")
botocore_exceptions = types.ModuleType("botocore.exceptions")
botocore_exceptions.ClientError = ClientError
sys.modules.update({"boto3": boto3, "botocore": botocore, "botocore.exceptions": botocore_exceptions})
os.environ.setdefault("AWS_REGION", "us-east-1")
sys.path.insert(0, os.environ["HELPER_DIR"])
import helper  # noqa: E402  (the code, as the macro inlines it)

ROLE = "arn:aws:iam::210987654321:role/Partner"


class HelperTest(unittest.TestCase):
    def setUp(self):
        CALLS.clear()

    def run_task(self, integration, parameters=None, **extra):
        event = {"RoleArn": ROLE, "Integration": integration, "Parameters": parameters,
                 "SessionName": "exec 1/2", **extra}
        return helper.handler(event, None)

    def test_lambda_invoke_returns_the_integration_shape(self):
        result = self.run_task("arn:aws:states:::lambda:invoke", {"FunctionName": "f", "Payload": {"a": 1}})
        self.assertEqual(result, {"ExecutedVersion": "$LATEST", "Payload": {"echo": {"a": 1}}, "StatusCode": 200})
        self.assertEqual(CALLS[0], ("sts", "assume_role", {"RoleArn": ROLE, "RoleSessionName": "owl-exec-1-2"}))
        self.assertEqual(CALLS[1][3]["aws_session_token"], "TOKEN")

    def test_a_function_error_fails_the_task_with_its_error_type(self):
        with self.assertRaises(Exception) as raised:
            self.run_task("arn:aws:states:::lambda:invoke", {"FunctionName": "f", "Payload": {"fail": True}})
        self.assertEqual(type(raised.exception).__name__, "OrderRejected")

    def test_a_function_arn_as_resource_returns_the_function_result(self):
        result = self.run_task("arn:aws:lambda:eu-west-1:210987654321:function:f", {"a": 1})
        self.assertEqual(result, {"echo": {"a": 1}})
        self.assertEqual(CALLS[1][2]["FunctionName"], "arn:aws:lambda:eu-west-1:210987654321:function:f")

    def test_aws_sdk_integration_calls_the_action_and_drops_response_metadata(self):
        result = self.run_task("arn:aws:states:::aws-sdk:dynamodb:getItem", {"TableName": "t", "Key": {}},
                               Region="eu-west-1")
        self.assertEqual(result, {"Item": {"id": {"S": "1"}}})
        self.assertEqual(CALLS[1][0], "dynamodb")
        self.assertEqual(CALLS[1][3]["region_name"], "eu-west-1")

    def test_optimized_integration_and_snake_case_with_digits(self):
        self.assertEqual(self.run_task("arn:aws:states:::sns:publish", {"TopicArn": "t", "Message": "m"}),
                         {"MessageId": "m-1"})
        result = self.run_task("arn:aws:states:::aws-sdk:s3:listObjectsV2", {"Bucket": "b"})
        self.assertEqual(result, {"Contents": [{"Key": "k", "LastModified": "2026-12-03T17:00:00"}]})

    def test_service_errors_keep_their_code(self):
        with self.assertRaises(Exception) as raised:
            self.run_task("arn:aws:states:::aws-sdk:dynamodb:getItem", {"TableName": "missing"})
        self.assertEqual(type(raised.exception).__name__, "Dynamodb.ResourceNotFoundException")

    def test_an_unknown_integration_is_a_clear_error(self):
        with self.assertRaises(Exception) as raised:
            self.run_task("arn:aws:states:us-east-1:123456789012:activity:approve", {})
        self.assertEqual(type(raised.exception).__name__, "OutboundWishlist.UnsupportedIntegration")


if __name__ == "__main__":
    unittest.main()
