#!/usr/bin/env python3
"""Vendors the strict Kubernetes JSON schemas that k8s/ is validated against (KustomizeSchemaTest).

The schemas come from the PyPI package kubernetes-validate, which ships, for each Kubernetes
version, one strict schema per kind (every object closed with additionalProperties: false) whose
references point into a shared _definitions.json. kubeconform needs standalone files, so this
script writes one file per kind with the definitions it reaches copied under $defs, and drops the
descriptions (documentation only; they would make the files ten times larger). Nothing else is
changed: types, required fields, enums and closed objects are kept as published. The schemas are
derived from the Kubernetes OpenAPI specification (Apache License 2.0).

    pip download --no-deps kubernetes-validate==1.37.0 -d /tmp/kv
    python3 k8s/schemas/vendor.py /tmp/kv/kubernetes_validate-1.37.0-py3-none-any.whl

Add a kind to KINDS (file names as kubeconform looks them up: kind-group-version, lower case, no
group for the core API) when k8s/ starts using it, and run the script again.
"""
import json
import pathlib
import sys
import zipfile

VERSION = "v1.32.0"
KINDS = [
    "configmap-v1",
    "deployment-apps-v1",
    "horizontalpodautoscaler-autoscaling-v2",
    "job-batch-v1",
    "namespace-v1",
    "poddisruptionbudget-policy-v1",
    "role-rbac-v1",
    "rolebinding-rbac-v1",
    "secret-v1",
    "service-v1",
    "serviceaccount-v1",
    "statefulset-apps-v1",
]
SHARED_PREFIX = "/api/_definitions.json#/$defs/"
LOCAL_PREFIX = "#/$defs/"
# Keys whose values are maps of name -> schema, or lists of schemas, or one schema.
SCHEMA_MAPS = ("properties", "$defs", "patternProperties")
SCHEMA_LISTS = ("oneOf", "anyOf", "allOf")
SCHEMA_ONES = ("items", "additionalProperties", "not")


def walk(node, refs):
    """Drops descriptions, points references at the local $defs and records what they name."""
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "description" and isinstance(value, str):
            continue
        if key == "$ref":
            name = value[len(SHARED_PREFIX):] if value.startswith(SHARED_PREFIX) else None
            if name is None and value.startswith(LOCAL_PREFIX):
                name = value[len(LOCAL_PREFIX):]
            if name is None:
                raise SystemExit(f"unexpected reference {value}")
            refs.add(name)
            out[key] = LOCAL_PREFIX + name
        elif key in SCHEMA_MAPS:
            out[key] = {name: walk(schema, refs) for name, schema in value.items()}
        elif key in SCHEMA_LISTS:
            out[key] = [walk(schema, refs) for schema in value]
        elif key in SCHEMA_ONES:
            out[key] = walk(value, refs)
        else:
            out[key] = value
    return out


def standalone(kind_schema, definitions):
    refs = set()
    schema = walk(kind_schema, refs)
    schema.pop("$id", None)
    defs, todo = {}, sorted(refs)
    while todo:
        name = todo.pop()
        if name in defs:
            continue
        found = set()
        defs[name] = walk(definitions[name], found)
        todo.extend(sorted(found - defs.keys()))
    schema["$defs"] = dict(sorted(defs.items()))
    return schema


def main(wheel):
    base = f"kubernetes_validate/kubernetes-json-schema/{VERSION}-local-strict/"
    target = pathlib.Path(__file__).resolve().parent / VERSION
    target.mkdir(exist_ok=True)
    for old in target.glob("*.json"):
        old.unlink()
    with zipfile.ZipFile(wheel) as archive:
        definitions = json.loads(archive.read(base + "_definitions.json"))["$defs"]
        for kind in KINDS:
            schema = standalone(json.loads(archive.read(f"{base}{kind}.json")), definitions)
            text = json.dumps(schema, indent=1, sort_keys=True) + "\n"
            (target / f"{kind}.json").write_text(text)
            print(f"{target.name}/{kind}.json: {len(schema['$defs'])} definitions, {len(text)} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: vendor.py kubernetes_validate-<version>-py3-none-any.whl")
    main(sys.argv[1])
