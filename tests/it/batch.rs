//! batch: `storydiff batch MANIFEST` as a script meets it — JSON Lines and TSV manifests,
//! relative paths, default ids, manifest order under parallelism, error lines, exit codes,
//! a manifest on standard input, and a missing manifest.
//!
//! Input: article files and manifests written into a temporary folder. Output: pass/fail.
//! Whether a pair differs is read from the output, not assumed, except for identical files.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::util::bin;

fn batch(args: &[&str]) -> Output {
    bin().arg("batch").args(args).output().unwrap()
}

/// A folder with `a.txt`, `b.txt` (an edited version) and `c.txt` (a copy of `a.txt`).
fn folder() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    let a = "Harbour bridge to close for repairs\n\nPORTSMOUTH - The bridge will close on \
             March 3 for six weeks, the council said on Monday. About 12,000 drivers use it \
             every day.\n";
    let b = "Harbour bridge to close for repairs\n\nPORTSMOUTH - The bridge will close on \
             March 10 for eight weeks, the council said on Monday. About 14,000 drivers use \
             it every day. A ferry will run instead.\n";
    std::fs::write(d.path().join("a.txt"), a).unwrap();
    std::fs::write(d.path().join("b.txt"), b).unwrap();
    std::fs::write(d.path().join("c.txt"), a).unwrap();
    d
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

/// Parses each stdout line; checks every line is one JSON object with an id and either schema
/// storydiff/1 or an error object.
fn lines(o: &Output) -> Vec<serde_json::Value> {
    let text = String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8");
    text.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("each line is JSON");
            assert!(v["id"].is_string(), "no id: {l}");
            assert!(
                v["schema"] == "storydiff/1" || v["error"]["code"].is_string(),
                "neither a document nor an error: {l}"
            );
            v
        })
        .collect()
}

#[test]
fn jsonl_manifest_with_relative_paths_and_default_ids() {
    let d = folder();
    let m = write(
        d.path(),
        "m.jsonl",
        "# pairs\n\n{\"a\": \"a.txt\", \"b\": \"b.txt\", \"id\": \"bridge\", \"date\": \"2024-04-26\"}\n\
         {\"a\": \"a.txt\", \"b\": \"c.txt\"}\n",
    );
    // Run from elsewhere: the paths resolve against the manifest's folder, not the cwd.
    let o = bin()
        .current_dir(std::env::temp_dir())
        .args(["batch", &m])
        .output()
        .unwrap();
    let v = lines(&o);
    assert_eq!(v.len(), 2, "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(v[0]["id"], "bridge");
    assert_eq!(v[1]["id"], "4", "default id is the manifest line number");
    assert!(v[1]["error"].is_null());
    assert_eq!(v[1]["summary"]["edited"], 0);
    assert_eq!(v[1]["summary"]["added"], 0);
    let differs = v[0]["summary"]["edited"].as_u64().unwrap() > 0
        || v[0]["claims"].as_array().is_some_and(|c| !c.is_empty());
    assert!(differs, "a and b differ: {}", v[0]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("2 pairs: 1 differ, 0 failed"), "{err}");
}

#[test]
fn tsv_manifest_with_header_and_exit_zero() {
    let d = folder();
    let m = write(
        d.path(),
        "m.tsv",
        "a\tb\tid\tdate\na.txt\tc.txt\tsame\t\n\na.txt\ta.txt\n",
    );
    let o = batch(&[&m]);
    let v = lines(&o);
    assert_eq!(v.len(), 2);
    assert_eq!(v[0]["id"], "same");
    assert_eq!(v[1]["id"], "4");
    assert_eq!(o.status.code(), Some(0), "identical pairs exit 0");
    // --fail-on never keeps a differing batch at 0.
    let m2 = write(d.path(), "m2.tsv", "a.txt\tb.txt\n");
    assert_eq!(batch(&[&m2]).status.code(), Some(1));
    assert_eq!(batch(&[&m2, "--fail-on", "never"]).status.code(), Some(0));
}

#[test]
fn error_pair_in_the_middle_does_not_stop_the_batch() {
    let d = folder();
    std::fs::write(d.path().join("bin.txt"), b"abc\0def").unwrap();
    let m = write(
        d.path(),
        "m.jsonl",
        "{\"a\": \"a.txt\", \"b\": \"c.txt\"}\n\
         {\"a\": \"missing.txt\", \"b\": \"c.txt\", \"id\": \"gone\"}\n\
         {\"a\": \"bin.txt\", \"b\": \"c.txt\"}\n\
         {\"a\": \"a.txt\", \"b\": \"c.txt\", \"date\": \"2023-02-30\"}\n\
         {\"a\": \"a.txt\"\n\
         {\"a\": \"a.txt\", \"b\": \"c.txt\"}\n",
    );
    let o = batch(&[&m]);
    let v = lines(&o);
    let codes: Vec<&str> = v
        .iter()
        .map(|x| x["error"]["code"].as_str().unwrap_or("ok"))
        .collect();
    assert_eq!(
        codes,
        ["ok", "not-found", "binary", "bad-date", "manifest", "ok"]
    );
    assert_eq!(v[1]["id"], "gone");
    assert!(v[1]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("missing.txt"));
    assert_eq!(v[5]["id"], "6");
    assert_eq!(o.status.code(), Some(2), "a failed pair takes precedence");
    // Every line, error or not, names its schema, so a reader can check them all alike.
    for line in &v {
        assert_eq!(line["schema"], "storydiff/1", "{line}");
    }
}

#[test]
fn order_is_kept_with_two_jobs_and_many_pairs() {
    let d = folder();
    // More pairs than one chunk, alternating differing and identical pairs.
    let n = 2500;
    let mut m = String::new();
    for i in 0..n {
        let b = if i % 3 == 0 { "b.txt" } else { "c.txt" };
        m.push_str(&format!(
            "{{\"a\": \"a.txt\", \"b\": \"{b}\", \"id\": \"p{i}\"}}\n"
        ));
    }
    let m = write(d.path(), "m.jsonl", &m);
    let o = batch(&[&m, "--jobs", "2"]);
    let v = lines(&o);
    assert_eq!(v.len(), n);
    for (i, x) in v.iter().enumerate() {
        assert_eq!(x["id"], format!("p{i}"));
        let b = if i % 3 == 0 { "b.txt" } else { "c.txt" };
        assert!(x["b"]["path"].as_str().unwrap().ends_with(b));
    }
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn manifest_on_stdin_resolves_against_the_current_folder() {
    let d = folder();
    let mut child = bin()
        .current_dir(d.path())
        .args(["batch", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"a.txt\tc.txt\tx\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let v = lines(&o);
    assert_eq!(v.len(), 1);
    assert_eq!(v[0]["id"], "x");
    assert_eq!(v[0]["a"]["path"], "a.txt");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn missing_manifest_is_trouble_with_empty_stdout() {
    let d = tempfile::tempdir().unwrap();
    let m = d.path().join("nope.jsonl");
    let o = batch(&[m.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("nope.jsonl"));
}

#[test]
fn empty_manifest_exits_zero() {
    let d = tempfile::tempdir().unwrap();
    let m = write(d.path(), "m.jsonl", "# nothing yet\n\n");
    let o = batch(&[&m]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
}

/// Issue 15 point 7: a manifest line longer than 1 MB is a manifest error for that line (the
/// batch goes on), and a manifest with NUL bytes (`/dev/zero`) is trouble at once; neither
/// grows memory without bound.
#[test]
fn overlong_manifest_lines_and_binary_manifests() {
    let d = folder();
    let mut text = "x".repeat(2 << 20);
    text.push_str("\na.txt\tb.txt\n");
    let m = write(d.path(), "long.tsv", &text);
    let o = batch(&["--quiet", &m]);
    let v = lines(&o);
    assert_eq!(v.len(), 2);
    assert_eq!(v[0]["error"]["code"], "manifest");
    assert!(v[0]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("longer than 1048576 bytes"));
    assert_eq!(v[1]["schema"], "storydiff/1");
    assert_eq!(o.status.code(), Some(2));
    // No line end at all.
    let m = write(d.path(), "endless.tsv", &"y".repeat(3 << 20));
    let v = lines(&batch(&["--quiet", &m]));
    assert_eq!(v.len(), 1);
    assert_eq!(v[0]["error"]["code"], "manifest");
    // NUL bytes: not a manifest.
    if Path::new("/dev/zero").exists() {
        let mut child = bin()
            .args(["batch", "/dev/zero"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let start = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if start.elapsed() > std::time::Duration::from_secs(60) {
                let _ = child.kill();
                panic!("storydiff batch /dev/zero still running after 60 s");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let o = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("storydiff: /dev/zero: ") && err.contains("NUL byte"),
            "{err}"
        );
        assert!(o.stdout.is_empty());
    }
}

/// Issue 15 point 9: `--jobs` far above the cores is capped, with a note, instead of starting
/// threads until the system refuses.
#[test]
fn too_many_jobs_are_capped_with_a_note() {
    let d = folder();
    let m = write(d.path(), "m.tsv", "a.txt\tb.txt\na.txt\tc.txt\n");
    let o = batch(&["--jobs", "30000", &m]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(lines(&o).len(), 2);
    assert!(
        err.contains("--jobs 30000 is more than 4 per core"),
        "{err}"
    );
    let o = batch(&["--jobs", "30000", "--quiet", &m]);
    assert!(o.stderr.is_empty());
    let o = batch(&["--jobs", "1", &m]);
    assert!(!String::from_utf8_lossy(&o.stderr).contains("note"));
}

/// Issue 15 point 15: numeric ids keep their text as written (above 2^53 and 2^64 too, so two
/// pairs never share an id), and a manifest opening with a UTF-8 byte-order mark is read.
#[test]
fn big_numeric_ids_are_kept_and_a_bom_is_skipped() {
    let d = folder();
    let m = write(
        d.path(),
        "m.jsonl",
        "\u{feff}{\"a\": \"a.txt\", \"b\": \"c.txt\", \"id\": 9007199254740993}\n\
         {\"a\": \"a.txt\", \"b\": \"c.txt\", \"id\": 18446744073709551617}\n\
         {\"a\": \"a.txt\", \"b\": \"c.txt\", \"id\": 18446744073709551616}\n\
         {\"a\": \"a.txt\", \"b\": \"c.txt\", \"id\": 1.50}\n",
    );
    let o = batch(&[&m]);
    let v = lines(&o);
    let ids: Vec<&str> = v.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "9007199254740993",
            "18446744073709551617",
            "18446744073709551616",
            "1.50"
        ]
    );
    assert!(v.iter().all(|l| l["schema"] == "storydiff/1"), "{v:?}");
    assert_eq!(o.status.code(), Some(0));
    let t = write(d.path(), "m.tsv", "\u{feff}a.txt\tc.txt\tone\n");
    let v = lines(&batch(&[&t]));
    assert_eq!(v[0]["id"], "one");
    assert_eq!(v[0]["schema"], "storydiff/1");
}

/// Issue 15 point 10: a pair is written as soon as the pairs before it are, not when its whole
/// chunk is done: a pair whose file is a slow pipe does not hold back the finished pair before
/// it.
#[test]
fn each_pair_is_written_as_soon_as_the_pairs_before_it() {
    let d = folder();
    let fifo = d.path().join("slow.txt");
    match Command::new("mkfifo").arg(&fifo).status() {
        Ok(st) if st.success() => {}
        _ => {
            storydiff_eval::corpora::skip("mkfifo not available");
            return;
        }
    }
    let m = write(d.path(), "m.tsv", "a.txt\tb.txt\nslow.txt\tc.txt\n");
    // The writer opens the pipe at once and writes only after the first line was seen.
    let (seen_tx, seen_rx) = std::sync::mpsc::channel::<()>();
    let path = fifo.clone();
    let writer = std::thread::spawn(move || {
        let mut f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        let _ = seen_rx.recv_timeout(std::time::Duration::from_secs(60));
        let _ = f.write_all(b"Harbour bridge to close for repairs\n");
    });
    let mut child = bin()
        .args(["batch", "--jobs", "2", &m])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let (line_tx, line_rx) = std::sync::mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        let mut first = String::new();
        std::io::BufRead::read_line(&mut out, &mut first).unwrap();
        line_tx.send(first).unwrap();
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut out, &mut rest).unwrap();
        rest
    });
    let first = line_rx.recv_timeout(std::time::Duration::from_secs(60));
    seen_tx.send(()).unwrap();
    let first = first.expect("the first pair was not written while the second was pending");
    let v: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(v["id"], "1");
    writer.join().unwrap();
    let rest = reader.join().unwrap();
    assert_eq!(rest.lines().count(), 1);
    child.wait().unwrap();
}

/// A missing file names the folder the manifest's paths resolve against, and one pair is "1
/// pair" (issue 14).
#[test]
fn a_missing_file_names_the_manifest_folder_and_one_pair_is_singular() {
    let d = folder();
    let manifest = write(d.path(), "pairs.tsv", "a.txt\tmissing.txt\n");
    let o = batch(&[&manifest]);
    let out = String::from_utf8_lossy(&o.stdout);
    let folder_name = d.path().to_string_lossy();
    assert!(
        out.contains("paths in a manifest resolve against its folder")
            && out.contains(folder_name.as_ref()),
        "{out}"
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.lines().any(|l| l.starts_with("1 pair:")), "{err}");
    // Not "1 pairs:" (the rate "(1691 pairs/s)" may end in a 1: look at the count only).
    assert!(!err.contains("1 pairs:"), "{err}");
}
