#!/usr/bin/env python3
"""Policy coverage: every AWS operation a function made during the integration tests must be allowed by
that function's role in the deployed template, and applicant functions hold no broad rights they never use.

Inputs: template.yaml (translated to CloudFormation with aws-sam-translator, so the SAM policy templates
are expanded exactly as on deploy) and the operations the tests recorded per handler
(local/target/aws-operations/*.jsonl, written by local/src/test/java/jp/nintei/it/AwsOperationRecorder.java).

Both sides are evaluated in one imaginary account: every Ref, GetAtt, Sub, Join, Select, Split and If of
the template is resolved to placeholder names, and the recorded values that are a function's environment
variable (${TABLE_NAME}) resolve through the same template expression, so "table nintei, index GSI1"
becomes the same ARN the policy names. IAM matching: Allow statements, Action and Resource wildcards
(* and ?), an explicit Deny wins; Conditions are assumed to hold (printed when present).

Usage: policy_coverage.py [--template template.yaml] [--operations local/target/aws-operations]
Exit 1 when an operation is not covered or a least-privilege rule is broken; the message names the
function, the action, the resource and the statement that would cover it."""
import argparse, fnmatch, glob, json, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sam_translate  # noqa: E402

REGION, ACCOUNT, PARTITION, STACK = "ap-northeast-1", "123456789012", "aws", "nintei"

# SDK service name (SdkExecutionAttribute.SERVICE_NAME, lower-cased) -> IAM service prefix
PREFIX = {"dynamodb": "dynamodb", "s3": "s3", "sesv2": "ses", "ses": "ses",
          "cognitoidentityprovider": "cognito-idp", "sns": "sns", "sqs": "sqs", "cloudwatch": "cloudwatch",
          "lambda": "lambda", "scheduler": "scheduler", "eventbridge": "events"}
# Cognito user-pool APIs that are authorised by the client id or the user's token, not by IAM
COGNITO_PUBLIC = {"InitiateAuth", "RespondToAuthChallenge", "ForgotPassword", "ConfirmForgotPassword", "SignUp",
                  "ConfirmSignUp", "ResendConfirmationCode", "GetUser", "ChangePassword", "GlobalSignOut",
                  "RevokeToken", "UpdateUserAttributes", "VerifyUserAttribute", "GetUserAttributeVerificationCode",
                  "DeleteUser", "AssociateSoftwareToken", "VerifySoftwareToken", "SetUserMFAPreference"}
# S3 operations whose IAM action has another name
S3_ACTION = {"HeadObject": "GetObject", "ListObjectsV2": "ListBucket", "ListObjects": "ListBucket",
             "HeadBucket": "ListBucket", "DeleteObjects": "DeleteObject", "CreateMultipartUpload": "PutObject",
             "UploadPart": "PutObject", "CompleteMultipartUpload": "PutObject", "GetObjectAttributes": "GetObject",
             "ListObjectVersions": "ListBucketVersions"}
# least privilege: broad rights a function may hold only if the tests saw it use them
UNUSED_IS_AN_ERROR = ["dynamodb:Scan", "dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "s3:DeleteObject"]


# ---------- the imaginary account: intrinsic functions resolved to placeholders ----------
class World:
    def __init__(self, cfn):
        self.cfn = cfn
        self.resources = cfn.get("Resources", {})
        self.params = {}
        for name, p in cfn.get("Parameters", {}).items():
            default = p.get("Default")
            if default not in (None, ""):
                self.params[name] = str(default)
            elif name.endswith("Address"):
                self.params[name] = name.lower() + "@mail.example"
            else:
                self.params[name] = ""
        self.conditions = {}

    def condition(self, name):
        if name not in self.conditions:
            self.conditions[name] = bool(self.eval(self.cfn.get("Conditions", {}).get(name), True))
        return self.conditions[name]

    def ref(self, name):
        pseudo = {"AWS::Region": REGION, "AWS::AccountId": ACCOUNT, "AWS::Partition": PARTITION,
                  "AWS::StackName": STACK, "AWS::URLSuffix": "amazonaws.com", "AWS::NoValue": None,
                  "AWS::StackId": f"arn:aws:cloudformation:{REGION}:{ACCOUNT}:stack/{STACK}/id"}
        if name in pseudo:
            return pseudo[name]
        if name in self.params:
            return self.params[name]
        r = self.resources.get(name)
        if r is None:
            raise KeyError("Ref to unknown " + name)
        t = r.get("Type", "")
        if t == "AWS::SNS::Topic":
            return f"arn:aws:sns:{REGION}:{ACCOUNT}:{name}"
        if t == "AWS::SQS::Queue":
            return f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/{name}"
        props = r.get("Properties", {}) or {}
        for key in ("Name", "TableName", "BucketName", "FunctionName", "EmailIdentity"):
            if key in props:
                return self.eval(props[key])
        return name  # the logical id stands for the physical name: readable messages

    def getatt(self, name, attr):
        r = self.resources.get(name, {})
        t, ref = r.get("Type", ""), self.ref(name) if name in self.resources else name
        if attr == "Arn":
            return {"AWS::DynamoDB::Table": f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{ref}",
                    "AWS::S3::Bucket": f"arn:aws:s3:::{ref}",
                    "AWS::Cognito::UserPool": f"arn:aws:cognito-idp:{REGION}:{ACCOUNT}:userpool/{ref}",
                    "AWS::SQS::Queue": f"arn:aws:sqs:{REGION}:{ACCOUNT}:{name}",
                    "AWS::Lambda::Function": f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{ref}",
                    "AWS::SNS::Topic": ref}.get(t, f"arn:aws:{t.split('::')[1].lower() if '::' in t else 'x'}:{REGION}:{ACCOUNT}:{ref}")
        return f"{name}.{attr}"

    def sub(self, text, variables):
        def one(m):
            key = m.group(1)
            if key in variables:
                return str(self.eval(variables[key]))
            if "." in key and not key.startswith("AWS::"):
                n, a = key.split(".", 1)
                return str(self.getatt(n, a))
            return str(self.ref(key))
        return re.sub(r"\$\{([^}!]+)\}", one, text)

    def eval(self, v, as_condition=False):
        if isinstance(v, list):
            return [x for x in (self.eval(i) for i in v) if x is not None]
        if not isinstance(v, dict):
            return v
        if len(v) == 1:
            (k, a), = v.items()
            if k == "Ref":
                return self.ref(a)
            if k == "Fn::GetAtt":
                n, at = (a if isinstance(a, list) else a.split(".", 1))
                return self.getatt(n, at)
            if k == "Fn::Sub":
                return self.sub(a, {}) if isinstance(a, str) else self.sub(a[0], a[1])
            if k == "Fn::Join":
                return str(a[0]).join(str(x) for x in self.eval(a[1]))
            if k == "Fn::Select":
                return self.eval(a[1])[int(self.eval(a[0]))]
            if k == "Fn::Split":
                return str(self.eval(a[1])).split(a[0])
            if k == "Fn::If":
                return self.eval(a[1] if self.condition(a[0]) else a[2])
            if k == "Fn::Equals":
                return self.eval(a[0]) == self.eval(a[1])
            if k == "Fn::Not":
                return not self.eval(a[0])
            if k == "Fn::And":
                return all(self.eval(x) for x in a)
            if k == "Fn::Or":
                return any(self.eval(x) for x in a)
            if k == "Condition":
                return self.condition(a)
        return {k: self.eval(x) for k, x in v.items()}


# ---------- functions, their roles and what they did ----------
def as_list(v):
    return v if isinstance(v, list) else [v]


def functions_of(cfn, world):
    """logical id -> {handler, environment, statements: [(policy name, statement)]}"""
    out = {}
    for name, r in cfn["Resources"].items():
        if r.get("Type") != "AWS::Lambda::Function":
            continue
        p = r["Properties"]
        role = p.get("Role", {}).get("Fn::GetAtt", [None])[0]
        statements = []
        for policy in cfn["Resources"].get(role, {}).get("Properties", {}).get("Policies", []):
            doc = world.eval(policy["PolicyDocument"])
            for s in as_list(doc.get("Statement", [])):
                statements.append((policy.get("PolicyName"), s))
        env = {k: world.eval(v) for k, v in p.get("Environment", {}).get("Variables", {}).items()}
        out[name] = {"handler": p.get("Handler", "").split("::")[0], "environment": env, "statements": statements}
    return out


def applicant_functions(sam):
    """Functions serving a route outside /api/admin: there an unused broad right is an error, elsewhere a note."""
    out = set()
    for name, r in sam.get("Resources", {}).items():
        for e in (r.get("Properties", {}) or {}).get("Events", {}).values():
            path = str((e.get("Properties") or {}).get("Path", ""))
            if e.get("Type") == "HttpApi" and not path.startswith("/api/admin"):
                out.add(name)
    return out


def resolve(value, env):
    return re.sub(r"\$\{([A-Z0-9_]+)\}", lambda m: str(env.get(m.group(1), m.group(0))), value)


def requirements(call, env):
    """(action, [resource ARNs]) pairs one recorded call needs; None when IAM does not authorise it."""
    service = call["service"].lower().replace(" ", "")
    op = call["operation"]
    prefix = PREFIX.get(service, service)
    p = {k: (resolve(v, env) if isinstance(v, str) else [resolve(x, env) for x in v]) for k, v in call.get("params", {}).items()}
    if prefix == "dynamodb":
        tables = p.get("Tables") or ([p["TableName"]] if "TableName" in p else [])
        arns = [f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{t}" + (f"/index/{p['IndexName']}" if "IndexName" in p else "")
                for t in tables]
        return [("dynamodb:" + op, arns or ["*"])]
    if prefix == "s3":
        bucket = p.get("Bucket", "*")
        action = S3_ACTION.get(op, op)
        if p.get("VersionId") and action in ("GetObject", "DeleteObject"):
            action += "Version"
        if action in ("ListBucket", "ListBucketVersions"):
            return [("s3:" + action, [f"arn:aws:s3:::{bucket}"])]
        return [("s3:" + action, [f"arn:aws:s3:::{bucket}/{p.get('Key', '*')}"])]
    if prefix == "ses":
        arns = []
        sender = p.get("FromEmailAddress", "")
        if "@" in sender:
            arns.append(f"arn:aws:ses:{REGION}:{ACCOUNT}:identity/{sender.split('@', 1)[1]}")
        if p.get("ConfigurationSetName"):
            arns.append(f"arn:aws:ses:{REGION}:{ACCOUNT}:configuration-set/{p['ConfigurationSetName']}")
        return [("ses:" + op, arns or ["*"])]
    if prefix == "cognito-idp":
        if op in COGNITO_PUBLIC:
            return None
        return [("cognito-idp:" + op, [f"arn:aws:cognito-idp:{REGION}:{ACCOUNT}:userpool/{p.get('UserPoolId', '*')}"])]
    return [(f"{prefix}:{op}", ["*"])]


def matches(patterns, value):
    return any(fnmatch.fnmatchcase(value.lower(), str(pat).lower()) for pat in as_list(patterns))


def allowed(statements, action, resource):
    """(allowed?, the allowing statement's name, conditions noted)"""
    allow = None
    for policy, s in statements:
        if "Action" not in s or "Resource" not in s:
            continue  # NotAction/NotResource: never counted as allowing
        if matches(s["Action"], action) and matches(s["Resource"], resource):
            if s.get("Effect") == "Deny":
                return False, f"denied by {policy}/{s.get('Sid', '?')}", None
            allow = allow or (f"{policy}/{s.get('Sid', '-')}", s.get("Condition"))
    return (True, allow[0], allow[1]) if allow else (False, None, None)


def suggestion(action, resource, env, world):
    """A Policies entry for template.yaml that would cover it, naming the resource by its logical id."""
    expr = None
    for logical, r in world.resources.items():
        t = r.get("Type")
        if t == "AWS::DynamoDB::Table" and f"table/{world.ref(logical)}" in resource:
            rest = resource.split(f"table/{world.ref(logical)}", 1)[1]
            expr = "!GetAtt %s.Arn" % logical if not rest else "!Sub '${%s.Arn}%s'" % (logical, rest)
        elif t == "AWS::S3::Bucket" and resource.startswith(f"arn:aws:s3:::{world.ref(logical)}"):
            rest = resource[len(f"arn:aws:s3:::{world.ref(logical)}"):]
            prefix = "/" + rest[1:].split("/", 1)[0] + "/*" if "/" in rest[1:] else rest  # the key's first folder
            expr = "!Sub '${%s.Arn}%s'" % (logical, prefix)
        elif t == "AWS::Cognito::UserPool" and resource.endswith(f"userpool/{world.ref(logical)}"):
            expr = f"!GetAtt {logical}.Arn"
        elif t == "AWS::SES::ConfigurationSet" and resource.endswith(f"configuration-set/{world.ref(logical)}"):
            expr = "!Sub arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:configuration-set/${%s}" % logical
    if expr is None and ":identity/" in resource:
        expr = "!Sub arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${SenderDomain}"
    return f"- Statement: [{{Effect: Allow, Action: {action}, Resource: {expr or repr(resource)}}}]"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--template", default="template.yaml")
    ap.add_argument("--operations", default=os.path.join("local", "target", "aws-operations"))
    args = ap.parse_args()

    applicant = applicant_functions(sam_translate.load(args.template))
    cfn = sam_translate.translate(sam_translate.load(args.template))
    world = World(cfn)
    functions = functions_of(cfn, world)
    by_handler = {}
    for name, f in functions.items():
        by_handler.setdefault(f["handler"], []).append(name)

    files = sorted(glob.glob(os.path.join(args.operations, "*.jsonl")))
    if not files:
        sys.exit(f"policy coverage: no recorded operations in {args.operations} - run the integration tests first (mvn verify)")
    calls = {}  # (function, action, resource) -> count
    for path in files:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                call = json.loads(line)
                for fn in by_handler.get(call["handler"], []):
                    needs = requirements(call, functions[fn]["environment"])
                    for action, resources in needs or []:
                        for res in resources:
                            calls[(fn, action, res)] = calls.get((fn, action, res), 0) + 1

    uncovered, used, conditions = [], {}, set()
    for (fn, action, res), n in sorted(calls.items()):
        ok, by, cond = allowed(functions[fn]["statements"], action, res)
        used.setdefault(fn, {}).setdefault(action, 0)
        used[fn][action] += n
        if cond:
            conditions.add(f"{fn}: {by} has a Condition, assumed to hold: {json.dumps(cond)}")
        if not ok:
            uncovered.append((fn, action, res, by))

    broad, notes = [], []
    for fn, f in sorted(functions.items()):
        for policy, s in f["statements"]:
            if s.get("Effect") != "Allow" or "Action" not in s:
                continue
            for a in UNUSED_IS_AN_ERROR:
                if matches(s["Action"], a) and a not in used.get(fn, {}):
                    text = f"{fn}: {policy}/{s.get('Sid', '-')} allows {a}, which the tests never saw it use"
                    (broad if fn in applicant else notes).append(text)
            if any(matches(s["Action"], a) for a in ("ses:SendEmail", "ses:SendRawEmail")):
                for r in as_list(s.get("Resource", [])):
                    if str(r).endswith(":identity/*") or str(r) == "*":
                        broad.append(f"{fn}: {policy}/{s.get('Sid', '-')} sends mail as any identity ({r}); scope it to the sender's")

    print(f"policy coverage: {len(files)} recording(s), {len(functions)} functions in the template")
    for fn in sorted(functions):
        ops = used.get(fn)
        if ops:
            print(f"  {fn}: " + ", ".join(f"{a} x{n}" for a, n in sorted(ops.items())))
        else:
            print(f"  {fn}: no AWS operation recorded")
    for c in sorted(conditions) + notes:
        print("  note: " + c)
    print(f"uncovered (function, action, resource): {len(uncovered)}; unused broad rights: {len(broad)}")
    grouped = {}  # one message per (function, action, suggested statement): object keys differ per call
    for fn, action, res, by in uncovered:
        fix = suggestion(action, res, functions[fn]["environment"], world)
        grouped.setdefault((fn, action, fix), []).append((res, by))
    for (fn, action, fix), hits in grouped.items():
        res, by = hits[0]
        more = f" (and {len(hits) - 1} more resources)" if len(hits) > 1 else ""
        print(f"UNCOVERED {fn} calls {action} on {res}{more}" + (f" ({by})" if by else ""))
        print(f"    add to {fn}'s Policies in template.yaml, e.g.  {fix}")
    for b in broad:
        print("TOO BROAD " + b)
    return 1 if uncovered or broad else 0


if __name__ == "__main__":
    sys.exit(main())
