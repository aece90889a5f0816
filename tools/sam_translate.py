#!/usr/bin/env python3
"""Translates template.yaml to plain CloudFormation with aws-sam-translator (what `sam deploy` uploads), so
cfn-lint and the policy-coverage check read the deployed form: SAM policy templates expanded, aliases,
versions, roles, routes and schedules as CloudFormation resources.

Usage: sam_translate.py [TEMPLATE [OUT.json]]   (defaults: template.yaml, stdout)
No AWS call: managed policies come from the map cfn-lint ships, CodeUri is replaced by a placeholder S3 URI."""
import json, os, sys

try:
    from cfnlint.decode import decode
    from cfnlint.data import Serverless
    from cfnlint.helpers import load_resource
    from samtranslator.parser import parser
    from samtranslator.translator.translator import Translator
except ImportError as e:
    sys.exit(f"sam_translate: needs python3 with cfn-lint and aws-sam-translator ({e})")


def load(path):
    template, matches = decode(path)
    if matches:
        sys.exit("sam_translate: cannot read %s: %s" % (path, "; ".join(str(m) for m in matches)))
    return template


def translate(template, region="ap-northeast-1"):
    """The CloudFormation form of a SAM template (a dict), as the SAM CLI would produce it."""
    for resource in template.get("Resources", {}).values():
        props = resource.get("Properties")
        if resource.get("Type") == "AWS::Serverless::Function" and isinstance(props, dict):
            props["CodeUri"] = "s3://bucket/functions.jar"
    glob = template.get("Globals", {}).get("Function", {})
    if "CodeUri" in glob:
        glob["CodeUri"] = "s3://bucket/functions.jar"
    os.environ.setdefault("AWS_DEFAULT_REGION", region)
    translator = Translator(managed_policy_map=load_resource(Serverless, "ManagedPolicies.json"),
                            sam_parser=parser.Parser())
    return json.loads(json.dumps(translator.translate(sam_template=template, parameter_values={}), default=str))


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "template.yaml"
    out = translate(load(path))
    text = json.dumps(out, indent=1, ensure_ascii=False, sort_keys=False)
    if len(sys.argv) > 2:
        os.makedirs(os.path.dirname(os.path.abspath(sys.argv[2])), exist_ok=True)
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
