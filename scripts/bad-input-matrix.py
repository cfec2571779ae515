#!/usr/bin/env python3
"""The bad-input test matrix (issue 9): hostile or awkward inputs, each with the
exact exit status and standard error survkit must give.

    python3 scripts/bad-input-matrix.py BIN      # writes the input files and records
                                                 # BIN's status and stderr for review

Writes Tests/Fixtures/bad-inputs/files/ (the inputs, small) and
Tests/Fixtures/bad-inputs/cases.json (each case: name, args, status, stderr).
Tests/SurvivalKitCLITests/BadInputMatrixTests.swift runs every case against the
built survkit with a 30 s limit and compares status and stderr exactly; review
the recorded messages in the diff before committing (they are the contract:
file, line, column, value, what was expected, how to fix it).
In args, {files} is the inputs folder and {tmp} a fresh temporary folder.
"""
import csv, gzip, io, json, os, random, subprocess, sys, tempfile, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIX = os.path.join(ROOT, "Tests/Fixtures/bad-inputs")
FILES = os.path.join(FIX, "files")
LUNG = list(csv.reader(open(os.path.join(ROOT, "datasets/lung.csv"))))

def write(name, data):
    path = os.path.join(FILES, name)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode) as f: f.write(data)

def lung_with(col, row, value):
    rows = [r[:] for r in LUNG]
    rows[row][rows[0].index(col)] = value
    out = io.StringIO(); csv.writer(out, lineterminator="\n").writerows(rows); return out.getvalue()

def make_files():
    os.makedirs(FILES, exist_ok=True)
    write("lung.csv", open(os.path.join(ROOT, "datasets/lung.csv")).read())
    write("age-unknown.csv", lung_with("age", 16, "unknown"))
    write("age-na.csv", lung_with("age", 16, "#N/A"))
    write("age-comma.csv", lung_with("age", 16, "74,5"))
    write("time-inf.csv", lung_with("time", 5, "Inf"))
    write("time-nan.csv", lung_with("time", 12, "NaN"))
    write("time-negative.csv", lung_with("time", 9, "-3"))
    write("status-three.csv", lung_with("status", 20, "3"))
    write("status-stray-zero.csv", lung_with("status", 40, "0"))
    write("weight-inf.csv", lung_with("ph.karno", 9, "Inf"))
    write("weight-zero.csv", lung_with("ph.karno", 9, "0"))
    write("dates.csv", "time,status,dx\n5,1,2010-01-04\n8,0,2011-03-02\n9,1,2012-07-30\n")
    write("latin1.csv", b"time,status,city\n5,1,Z\xfcrich\n6,0,Z\xe4rich\n7,1,Z\xfcrich\n")
    write("nul.csv", b"time,status\n1,1\n2\x00,0\n")
    write("utf16.csv", "time,status\n1,1\n".encode("utf-16"))
    write("ragged.csv", "time,status,sex\n5,1,1\n6,0\n")
    write("quote.csv", 'time,status,sex\n5,1,"a\n6,0,2\n')
    write("empty.csv", "")
    write("header-only.csv", "time,status,sex\n")
    write("duplicate-header.csv", "time,status,time\n1,1,2\n")
    write("intervals.csv", "id,start,stop,event\n1,0,5,1\n2,4,4,1\n3,0,7,0\n")
    write("near-tie.csv", "a,b,s\n0,5,1\n5,5.00000000001,1\n0,7,0\n")
    write("all-missing.csv", "time,status,sex,marker\n5,1,1,NA\n8,0,2,\n9,1,1,NA\n4,1,2,.\n")
    write("all-censored.csv", "time,status,sex\n5,0,1\n8,0,2\n9,0,1\n4,0,2\n")
    write("one-row-groups.csv", "time,status,g\n5,1,a\n8,0,b\n9,1,c\n4,1,d\n")
    write("rates.csv", "x,t\n1,10\n\n1.5,10\n")
    write("counts.csv", "y,x\n3,1\n-1,2\n4,3\n")
    write("overlap.csv", "id,start,stop,event,x\n1,0,5,1,1\n1,5,9,0,1\n2,0,4,1,0\n2,3,8,1,0\n3,0,2,1,1\n4,0,6,1,0\n4,0,6,1,0\n")
    write("text-offset.csv", "y,pt\n3,10\n4,n/a\n5,12\n")
    write("eu.csv", "time;status;age\n306;2;74,5\n455;2;68\n")
    write("spec-unknown-key.json", '{"time": "time", "status": "status", "grup": "sex"}')
    write("spec-invalid.json", '{"time": "time", "status": ')
    write("corrupt.dta", open(os.path.join(ROOT, "Tests/Fixtures/statfiles/lung.dta"), "rb").read()[:3000])
    write("corrupt.csv.gz", gzip.compress(open(os.path.join(ROOT, "datasets/lung.csv"), "rb").read(), mtime=0)[:400])
    rnd = random.Random(9)
    rows = ["time,status,x,s," + ",".join(f"f{i}" for i in range(10))]
    for r in range(2000):
        rows.append(f"{rnd.randint(1,500)},{rnd.randint(0,1)},{rnd.random():.6f},s{r % 1500}," + ",".join(str(rnd.randint(1,4)) for _ in range(10)))
    write("wide.csv", "\n".join(rows) + "\n")
    write("single-level.csv", "time,status,g\n5,1,a\n8,0,a\n9,1,a\n4,1,a\n")
    write("one-row.csv", "y,x\n3,1\n")
    rows = ["time,status," + ",".join(f"x{i}" for i in range(1, 301))]
    for r in range(50):
        rows.append(f"{rnd.randint(1,100)},{rnd.randint(0,1)}," + ",".join(f"{rnd.gauss(0,1):.3f}" for _ in range(300)))
    write("more-columns-than-rows.csv", "\n".join(rows) + "\n")

DEEP = "Surv(time, status) ~ " + "(" * 5000 + "age" + ")" * 5000
MINUS = "Surv(time, status) ~ I(" + "-" * 100000 + "age)"
TEN = "Surv(time, status) ~ " + ":".join(f"factor(f{i})" for i in range(10))
KM = ["--formula", "Surv(time, status) ~ sex"]

CASES = [
    ("stray token in a covariate (cox)", ["cox", "{files}/age-unknown.csv", "--formula", "Surv(time, status) ~ age + sex"]),
    ("#N/A in a covariate (survreg)", ["survreg", "{files}/age-na.csv", "--formula", "Surv(time, status) ~ age"]),
    ("decimal comma in a covariate (poisson)", ["poisson", "{files}/age-comma.csv", "--formula", "status ~ age"]),
    ("stray token, the report", ["report", "{files}/age-unknown.csv", "--time", "time", "--status", "status", "--covariates", "age"]),
    ("date column as a covariate", ["cox", "{files}/dates.csv", "--formula", "Surv(time, status) ~ dx"]),
    ("date column as a time", ["km", "{files}/dates.csv", "--formula", "Surv(dx, status) ~ 1"]),
    ("invalid UTF-8", ["km", "{files}/latin1.csv", "--formula", "Surv(time, status) ~ city"]),
    ("NUL byte", ["km", "{files}/nul.csv", "--formula", "Surv(time, status) ~ 1"]),
    ("UTF-16 file", ["km", "{files}/utf16.csv", "--formula", "Surv(time, status) ~ 1"]),
    ("ragged row", ["km", "{files}/ragged.csv"] + KM),
    ("unterminated quote", ["km", "{files}/quote.csv"] + KM),
    ("empty file", ["km", "{files}/empty.csv"] + KM),
    ("header only", ["km", "{files}/header-only.csv"] + KM),
    ("duplicate header", ["km", "{files}/duplicate-header.csv", "--formula", "Surv(time, status) ~ 1"]),
    ("missing file", ["km", "{files}/no-such-file.csv"] + KM),
    ("negative time", ["km", "{files}/time-negative.csv"] + KM),
    ("infinite time (km JSON)", ["km", "{files}/time-inf.csv"] + KM + ["--format", "json"]),
    ("infinite time (logrank)", ["logrank", "{files}/time-inf.csv"] + KM),
    ("literal NaN time", ["cox", "{files}/time-nan.csv"] + KM),
    ("status 3 in a 1/2 column", ["cox", "{files}/status-three.csv"] + KM),
    ("stray 0 in a 1/2 status", ["cox", "{files}/status-stray-zero.csv"] + KM),
    ("infinite weight", ["km", "{files}/weight-inf.csv"] + KM + ["--weights", "ph.karno"]),
    ("zero weight", ["cox", "{files}/weight-zero.csv"] + KM + ["--weights", "ph.karno"]),
    ("start not before stop", ["cox", "{files}/intervals.csv", "--formula", "Surv(start, stop, event) ~ 1"]),
    ("interval collapsed by timefix", ["cox", "{files}/near-tie.csv", "--formula", "Surv(a, b, s) ~ 1"]),
    ("unknown column, did you mean", ["km", "{files}/lung.csv", "--formula", "Surv(time, status) ~ ph_ecog"]),
    ("unknown column in a wide file", ["km", "{files}/wide.csv", "--formula", "Surv(time, status) ~ f11"]),
    ("formula syntax", ["km", "{files}/lung.csv", "--formula", "Surv(time, status ~ sex"]),
    ("formula nested 5,000 deep", ["km", "{files}/lung.csv", "--formula", DEEP]),
    ("100,000 unary minus signs", ["cox", "{files}/lung.csv", "--formula", MINUS]),
    ("unknown function", ["cox", "{files}/lung.csv", "--formula", "Surv(time, status) ~ lg(age)"]),
    ("subset syntax", ["km", "{files}/lung.csv"] + KM + ["--subset", "age >"]),
    ("subset unknown column", ["km", "{files}/lung.csv"] + KM + ["--subset", "agee > 60"]),
    ("subset text against a number", ["km", "{files}/lung.csv"] + KM + ["--subset", "age == \"old\""]),
    ("subset keeps no rows", ["km", "{files}/lung.csv"] + KM + ["--subset", "age > 200"]),
    ("--times nan", ["km", "{files}/lung.csv"] + KM + ["--times", "nan"]),
    ("--times 1e400", ["km", "{files}/lung.csv"] + KM + ["--times", "1e400"]),
    ("--times negative", ["km", "{files}/lung.csv"] + KM + ["--times", "100,-1"]),
    ("--tau nan", ["km", "{files}/lung.csv"] + KM + ["--tau", "nan"]),
    ("--tau inf", ["km", "{files}/lung.csv"] + KM + ["--tau", "inf"]),
    ("--tau -1", ["km", "{files}/lung.csv"] + KM + ["--tau=-1"]),
    ("--rho nan", ["logrank", "{files}/lung.csv"] + KM + ["--rho", "nan"]),
    ("--conf-level 1.5", ["km", "{files}/lung.csv"] + KM + ["--conf-level", "1.5"]),
    ("--per 0", ["rates", "{files}/lung.csv", "--events", "status", "--person-time", "time", "--per", "0"]),
    ("--max-iterations -1", ["cox", "{files}/lung.csv"] + KM + ["--max-iterations=-1"]),
    ("--max-groups 0", ["km", "{files}/lung.csv"] + KM + ["--max-groups", "0"]),
    ("unknown option", ["km", "{files}/lung.csv"] + KM + ["--colour"]),
    ("bad --delimiter", ["km", "{files}/lung.csv"] + KM + ["--delimiter", ":"]),
    ("bad --reference form", ["cox", "{files}/lung.csv"] + KM + ["--reference", "sex"]),
    ("unknown reference level", ["cox", "{files}/lung.csv", "--formula", "Surv(time, status) ~ factor(sex)", "--reference", "sex=3"]),
    ("reference for a variable not in the formula", ["cox", "{files}/lung.csv"] + KM + ["--reference", "grade=1"]),
    ("log-rank by a continuous covariate", ["logrank", "{files}/wide.csv", "--formula", "Surv(time, status) ~ x"]),
    ("1,500 strata in a log-rank test", ["logrank", "{files}/wide.csv", "--formula", "Surv(time, status) ~ f1 + strata(s)"]),
    ("10-way factor interaction", ["cox", "{files}/wide.csv", "--formula", TEN]),
    ("--duration over an existing column", ["km", "{files}/dates.csv", "--formula", "Surv(time, status) ~ 1", "--duration", "time=dx:dx"]),
    ("--duration malformed", ["km", "{files}/dates.csv", "--formula", "Surv(time, status) ~ 1", "--duration", "fu"]),
    ("analysis file with an unknown key", ["report", "{files}/lung.csv", "--analysis", "{files}/spec-unknown-key.json"]),
    ("analysis file that is not JSON", ["report", "{files}/lung.csv", "--analysis", "{files}/spec-invalid.json"]),
    ("overlapping intervals in mcf", ["mcf", "{files}/overlap.csv", "--formula", "Surv(start, stop, event) ~ 1 + cluster(id)"]),
    ("overlapping intervals in recur (R fits, warns)", ["recur", "{files}/overlap.csv", "--formula", "Surv(start, stop, event) ~ x + cluster(id)"]),
    ("a covariate missing in every row", ["cox", "{files}/all-missing.csv", "--formula", "Surv(time, status) ~ marker"]),
    ("--strict with missing values", ["cox", "{files}/lung.csv", "--formula", "Surv(time, status) ~ ph.ecog", "--strict"]),
    ("--output is the input", ["km", "{files}/lung.csv"] + KM + ["--output", "{files}/lung.csv"]),
    ("--output is a directory", ["km", "{files}/lung.csv"] + KM + ["--output", "{tmp}"]),
    ("--output onto a full disk", ["km", "{files}/lung.csv"] + KM + ["--output", "/dev/full"]),
    ("no events in a Cox model", ["cox", "{files}/all-censored.csv"] + KM),
    ("all censored: km gives survival 1, never NaN", ["km", "{files}/all-censored.csv"] + KM + ["--format", "json"]),
    ("one row per group: km and logrank", ["logrank", "{files}/one-row-groups.csv", "--formula", "Surv(time, status) ~ g"]),
    ("fractional event count in rates", ["rates", "{files}/rates.csv", "--events", "x", "--person-time", "t"]),
    ("negative Poisson count", ["poisson", "{files}/counts.csv", "--formula", "y ~ x"]),
    ("text in an offset", ["poisson", "{files}/text-offset.csv", "--formula", "y ~ 1 + offset(log(pt))"]),
    ("semicolon file, comma forced", ["km", "{files}/eu.csv", "--formula", "Surv(time, status) ~ 1", "--delimiter", ","]),
    ("decimal comma without --decimal", ["cox", "{files}/eu.csv", "--formula", "Surv(time, status) ~ age"]),
    ("truncated Stata file", ["km", "{files}/corrupt.dta", "--formula", "Surv(time, status) ~ sex"]),
    ("truncated gzip file", ["km", "{files}/corrupt.csv.gz"] + KM),
    ("single-level factor in cox", ["cox", "{files}/single-level.csv", "--formula", "Surv(time, status) ~ g"]),
    ("survreg with a constant covariate (one-sex subset)", ["survreg", "{files}/lung.csv", "--formula", "Surv(time, status) ~ age + sex", "--subset", "sex == 2", "--format", "json"]),
    ("negbin on one row", ["negbin", "{files}/one-row.csv", "--formula", "y ~ 1"]),
    ("Cox on one row", ["cox", "{files}/lung.csv"] + KM + ["--subset", "time == 306 & age == 74"]),
    ("--extend without --times", ["km", "{files}/lung.csv"] + KM + ["--extend"]),
    ("--times past every curve", ["km", "{files}/lung.csv"] + KM + ["--times", "5000"]),
    ("300 covariates on 50 rows", ["cox", "{files}/more-columns-than-rows.csv", "--formula", "Surv(time, status) ~ " + " + ".join(f"x{i}" for i in range(1, 301))]),
    ("factor(id) with a level per row", ["cox", "{files}/wide.csv", "--formula", "Surv(time, status) ~ factor(x)"]),
    ("--max-iterations 0 in cox", ["cox", "{files}/lung.csv"] + KM + ["--max-iterations", "0", "--format", "json"]),
]

def run(binary, args):
    tmp = tempfile.mkdtemp(prefix="badinput-")
    try:
        real = [a.replace("{files}", FILES).replace("{tmp}", tmp) for a in args]
        p = subprocess.run([binary] + real, cwd=ROOT, capture_output=True, timeout=30)
        err = p.stderr.decode("utf-8", "replace").replace(FILES, "{files}").replace(tmp, "{tmp}")
        return p.returncode, err
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

def main():
    binary = sys.argv[1]
    make_files()
    out = []
    for name, args in CASES:
        status, err = run(binary, args)
        out.append({"name": name, "args": args, "status": status, "stderr": err})
    with open(os.path.join(FIX, "cases.json"), "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(out)} cases recorded")

main()
