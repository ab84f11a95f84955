"""docs/api/openapi.yaml: the document is OpenAPI 3.1 in shape (every schema a valid JSON Schema
2020-12, every $ref resolvable, every operation with responses), and real responses of a running
`koop serve` for every documented path match the schema documented for their status.
(python3-openapi-spec-validator is not in Debian 12; python3-jsonschema checks the schemas.)"""

import os
import re

import jsonschema
import yaml

from koopapi import SOURCE, Env, check, check_eq, finish

spec = yaml.safe_load(open(os.path.join(SOURCE, "docs", "api", "openapi.yaml"), encoding="utf-8"))
check_eq(spec.get("openapi"), "3.1.0", "the document declares OpenAPI 3.1.0")
check(isinstance(spec.get("info", {}).get("title"), str), "info.title present")
resolver = jsonschema.RefResolver.from_schema(spec)


def walk_refs(node, where):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref":
                try:
                    resolver.resolve(v)
                    check(True, f"$ref {v} resolves ({where})")
                except jsonschema.RefResolutionError:
                    check(False, f"$ref {v} resolves ({where})")
            else:
                walk_refs(v, where + "/" + str(k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk_refs(v, f"{where}/{i}")


walk_refs(spec, "#")
for name, schema in spec["components"]["schemas"].items():
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
        check(True, f"schema {name} is valid JSON Schema 2020-12")
    except jsonschema.SchemaError as e:
        check(False, f"schema {name}: {e.message}")
for path, item in spec["paths"].items():
    for method, op in item.items():
        check(bool(op.get("responses")), f"{method.upper()} {path} documents its responses")
        for p in re.findall(r"{(\w+)}", path):
            params = [resolver.resolve(x["$ref"])[1] if "$ref" in x else x for x in op.get("parameters", [])]
            check(any(x.get("name") == p and x.get("in") == "path" for x in params),
                  f"{method.upper()} {path} declares path parameter {p}")

used = set()


def conforms(method, template, response):
    op = spec["paths"][template][method.lower()]
    status = str(response.status)
    used.add((method, template, status))
    doc = op["responses"].get(status)
    if doc is None:
        check(False, f"{method} {template}: status {status} is documented")
        return
    if "$ref" in doc:
        doc = resolver.resolve(doc["$ref"])[1]
    content = doc.get("content")
    if not content:
        check(len(response.body) == 0, f"{method} {template} {status}: no body, as documented")
        return
    ctype = (response.header("Content-Type") or "").split(";")[0]
    check(ctype in content, f"{method} {template} {status}: content type {ctype} is documented")
    if ctype.endswith("json") and ctype in content:
        schema = content[ctype]["schema"]
        try:
            jsonschema.Draft202012Validator(schema, resolver=resolver).validate(response.json())
            check(True, f"{method} {template} {status}: body matches its schema")
        except jsonschema.ValidationError as e:
            check(False, f"{method} {template} {status}: {e.message} at {list(e.absolute_path)}")


env = Env("sqlite")
try:
    env.add_user("koord", "coordinator", "sieradz")
    server = env.serve("--at", "2027-02-01T09:00")
    anon = server.client()
    c = server.client()
    conforms("GET", "/healthz", anon.request("GET", "/healthz"))
    conforms("POST", "/api/v1/session", anon.sign_in("koord", "wrong-password"))
    conforms("POST", "/api/v1/session", c.sign_in("koord"))
    conforms("GET", "/api/v1/me", c.request("GET", "/api/v1/me"))
    conforms("GET", "/api/v1/me", anon.request("GET", "/api/v1/me"))
    r = c.request("POST", "/api/v1/instances", {"workflow": "case", "data": {"sprawa": {"numer": "A/1"}}})
    conforms("POST", "/api/v1/instances", r)
    iid = r.json()["instance"]
    conforms("POST", "/api/v1/instances", c.request("POST", "/api/v1/instances", {"workflow": "nope"}))
    conforms("GET", "/api/v1/instances", c.request("GET", "/api/v1/instances?case=A/1"))
    conforms("GET", "/api/v1/instances", c.request("GET", "/api/v1/instances?overdue=maybe"))
    conforms("GET", "/api/v1/instances/{id}", c.request("GET", f"/api/v1/instances/{iid}"))
    conforms("GET", "/api/v1/instances/{id}", c.request("GET", "/api/v1/instances/nope"))
    ev = f"/api/v1/instances/{iid}/events"
    conforms("POST", "/api/v1/instances/{id}/events", c.request("POST", ev, {"event": "diagnosis.started"}))
    conforms("POST", "/api/v1/instances/{id}/events", c.request("POST", ev, {"event": "plan.signed"}))
    conforms("POST", "/api/v1/instances/{id}/events", c.request("POST", ev, {"event": "nope"}))
    conforms("POST", "/api/v1/instances/{id}/events", c.request("POST", ev, raw=b"{", headers={"Content-Type": "application/json"}))
    conforms("POST", "/api/v1/instances/{id}/events", c.request("POST", ev, {"event": "x"}, csrf=False))
    conforms("GET", "/api/v1/instances/{id}/packs", c.request("GET", f"/api/v1/instances/{iid}/packs"))
    conforms("GET", "/api/v1/instances/{id}/packs/{pack}",
             c.request("GET", f"/api/v1/instances/{iid}/packs/case.plan"))
    conforms("GET", "/api/v1/instances/{id}/packs/{pack}/{file}",
             c.request("GET", f"/api/v1/instances/{iid}/packs/case.plan/x.docx"))
    r = c.request("POST", f"/api/v1/instances/{iid}/packs/case.monitoring")
    conforms("POST", "/api/v1/instances/{id}/packs/{pack}", r)
    conforms("POST", "/api/v1/instances/{id}/packs/{pack}",
             c.request("POST", f"/api/v1/instances/{iid}/packs/no.such.pack"))
    conforms("GET", "/api/v1/instances/{id}/packs/{pack}",
             c.request("GET", f"/api/v1/instances/{iid}/packs/case.monitoring"))
    r = c.request("GET", f"/api/v1/instances/{iid}/packs/case.monitoring/monitoring.docx")
    conforms("GET", "/api/v1/instances/{id}/packs/{pack}/{file}", r)
    check(r.body[:2] == b"PK", "the download is a DOCX (zip) container")
    # PDF when asked (LibreOffice, headless, converts the rendered DOCX).
    r = c.request("GET", f"/api/v1/instances/{iid}/packs/case.monitoring/monitoring.docx?format=pdf")
    conforms("GET", "/api/v1/instances/{id}/packs/{pack}/{file}", r)
    check_eq((r.status, (r.header("Content-Type") or "").split(";")[0]), (200, "application/pdf"),
             "?format=pdf answers a PDF")
    check(r.body[:5] == b"%PDF-", "the PDF download is a PDF document")
    conforms("GET", "/api/v1/tasks", c.request("GET", "/api/v1/tasks"))
    conforms("GET", "/api/v1/tasks", c.request("GET", "/api/v1/tasks?until=2027-13-01"))
    conforms("GET", "/api/v1/deadlines", c.request("GET", "/api/v1/deadlines?until=2027-12-31"))
    r = c.request("POST", "/api/v1/me/feed")
    conforms("POST", "/api/v1/me/feed", r)
    feed = r.json()["url"]
    r = anon.request("GET", feed)
    conforms("GET", "/api/v1/feed/{file}", r)
    check(r.body.startswith(b"BEGIN:VCALENDAR"), "the feed is an iCalendar document")
    conforms("DELETE", "/api/v1/me/feed", c.request("DELETE", "/api/v1/me/feed"))
    r = anon.request("GET", feed)
    conforms("GET", "/api/v1/feed/{file}", r)
    check_eq(r.status, 404, "a revoked feed token is 404")
    conforms("GET", "/api/v1/workflows", c.request("GET", "/api/v1/workflows"))
    conforms("GET", "/api/v1/workflows/{id}", c.request("GET", "/api/v1/workflows/case"))
    conforms("GET", "/api/v1/workflows/{id}", c.request("GET", "/api/v1/workflows/nope"))
    r = c.request("GET", "/api/v1/workflows/case/graph.svg")
    conforms("GET", "/api/v1/workflows/{id}/graph.svg", r)
    check(b"<svg" in r.body, "graph.svg is SVG")
    conforms("DELETE", "/api/v1/session", c.request("DELETE", "/api/v1/session"))
    documented = {(m.upper(), p) for p, item in spec["paths"].items() for m in item}
    exercised = {(m, p) for m, p, _ in used}
    check_eq(documented - exercised, set(), "every documented operation was exercised")
finally:
    env.close()
finish()
