# OutboundWishlist: one Step Functions task, run under an assumed role.
import json, os, re, boto3
from botocore import xform_name
from botocore.exceptions import ClientError
def fail(name, cause):
    raise type(name, (Exception,), {})(cause)
def pascal(words):
    return "".join(t.capitalize() for t in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+|[0-9]+", words))
def request(value, shape):
    kind = shape.type_name if shape else None
    if kind == "structure" and isinstance(value, dict):
        names = {m.lower(): m for m in shape.members}
        return {names.get(k.lower(), k): request(v, shape.members.get(names.get(k.lower(), k))) for k, v in value.items()}
    if kind == "list" and isinstance(value, list):
        return [request(v, shape.member) for v in value]
    if kind == "map" and isinstance(value, dict):
        return {k: request(v, shape.value) for k, v in value.items()}
    return json.dumps(value) if kind in ("string", "blob") and isinstance(value, (dict, list)) else value
def response(value, shape):
    kind = shape.type_name if shape else None
    if kind == "structure" and isinstance(value, dict):
        return {k[:1].upper() + k[1:]: response(v, shape.members.get(k)) for k, v in value.items() if k != "ResponseMetadata"}
    if kind == "list" and isinstance(value, list):
        return [response(v, shape.member) for v in value]
    if kind == "map" and isinstance(value, dict):
        return {k: response(v, shape.value) for k, v in value.items()}
    if hasattr(value, "read"):
        return value.read().decode()
    return value.isoformat() if hasattr(value, "isoformat") else value
def handler(event, context):
    integration = event["Integration"]
    allowed = os.environ.get("ALLOWED_INTEGRATIONS")
    call = integration + (" " + event["Service"] if event.get("Service") else "")
    if allowed is not None and call not in allowed.split(","):
        fail("OutboundWishlist.IntegrationNotAllowed", call)
    name = re.sub(r"[^A-Za-z0-9+=,.@_-]", "-", "owl-" + str(event.get("SessionName") or ""))[:64]
    credentials = boto3.client("sts").assume_role(RoleArn=event["RoleArn"], RoleSessionName=name)["Credentials"]
    session = boto3.Session(credentials["AccessKeyId"], credentials["SecretAccessKey"], credentials["SessionToken"],
                            event.get("Region") or os.environ["AWS_REGION"])
    parameters = event.get("Parameters")
    function = re.match(r"arn:[^:]+:lambda:", integration)
    sdk = re.fullmatch(r"arn:[^:]+:states:::(aws-sdk:)?([\w-]+):(\w+)", integration)
    if function:
        service, action, parameters = "lambda", "invoke", {"FunctionName": integration, "Payload": parameters}
    elif sdk:
        service, action = sdk.group(2), sdk.group(3)
    else:
        fail("OutboundWishlist.UnsupportedIntegration", integration)
    api = session.client(event.get("Service") or service)  # checked above with the integration
    operation = api.meta.service_model.operation_model(action[:1].upper() + action[1:])
    try:
        raw = getattr(api, xform_name(operation.name))(**request(parameters or {}, operation.input_shape))
    except ClientError as error:
        code = error.response["Error"]["Code"]
        prefix = pascal(api.meta.service_model.service_id) if sdk and sdk.group(1) else api.meta.service_model.service_id.replace(" ", "")
        fail(prefix + "." + code + ("" if service == "lambda" or code.endswith("Exception") else "Exception"), str(error))
    if service == "lambda" and action == "invoke":
        body = raw["Payload"].read().decode()
        payload = json.loads(body) if body else None
        if raw.get("FunctionError"):
            fail(payload.get("errorType", "Lambda.Unknown") if isinstance(payload, dict) else "Lambda.Unknown", body)
        if function:
            return payload
        return {"ExecutedVersion": raw.get("ExecutedVersion"), "Payload": payload, "StatusCode": raw["StatusCode"]}
    return response(raw, operation.output_shape)
