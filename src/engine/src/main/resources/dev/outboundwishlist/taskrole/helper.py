# OutboundWishlist cross-account helper: runs one Step Functions task under an assumed role.
import json, os, re, boto3
from botocore.exceptions import ClientError
SERVICES = {"sfn": "stepfunctions", "states": "stepfunctions", "eventbridge": "events", "cloudwatchlogs": "logs"}
def fail(name, cause):
    raise type(name, (Exception,), {})(cause)
def plain(value):
    return json.loads(json.dumps(value, default=lambda o: o.read().decode() if hasattr(o, "read") else o.isoformat() if hasattr(o, "isoformat") else str(o)))
def snake(action):
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", action).lower()
def handler(event, context):
    session = re.sub(r"[^\w+=,.@-]", "-", "owl-" + str(event.get("SessionName") or ""))[:64]
    credentials = boto3.client("sts").assume_role(RoleArn=event["RoleArn"], RoleSessionName=session)["Credentials"]
    region = event.get("Region") or os.environ["AWS_REGION"]
    def client(service):
        return boto3.client(SERVICES.get(service, service), region_name=region,
                            aws_access_key_id=credentials["AccessKeyId"],
                            aws_secret_access_key=credentials["SecretAccessKey"],
                            aws_session_token=credentials["SessionToken"])
    integration = event["Integration"]
    parameters = dict(event.get("Parameters") or {})
    function_arn = re.match(r"arn:[^:]+:lambda:", integration)
    if function_arn or re.fullmatch(r"arn:[^:]+:states:::lambda:invoke", integration):
        if function_arn:
            parameters = {"FunctionName": integration, "Payload": parameters}
        if "Payload" in parameters and not isinstance(parameters["Payload"], str):
            parameters["Payload"] = json.dumps(parameters["Payload"])
        response = client("lambda").invoke(**parameters)
        body = response["Payload"].read().decode()
        payload = json.loads(body) if body else None
        if response.get("FunctionError"):
            fail(payload.get("errorType", "Lambda.Unknown") if isinstance(payload, dict) else "Lambda.Unknown", body)
        if function_arn:
            return payload
        return {"ExecutedVersion": response.get("ExecutedVersion"), "Payload": payload,
                "StatusCode": response["StatusCode"]}
    match = re.fullmatch(r"arn:[^:]+:states:::(?:aws-sdk:)?([\w-]+):(\w+)", integration)
    if not match:
        fail("OutboundWishlist.UnsupportedIntegration", integration)
    service, action = match.groups()
    try:
        response = getattr(client(service), snake(action))(**parameters)
    except ClientError as error:
        fail(service.capitalize() + "." + error.response["Error"]["Code"], str(error))
    response.pop("ResponseMetadata", None)
    return plain(response)
