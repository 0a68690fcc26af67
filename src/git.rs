//! git: storydiff as git's external diff driver and difftool.
//!
//! Input: the command-line files and the environment. Output: which of them are git's
//! external-diff call ([`call`]: `GIT_EXTERNAL_DIFF`, `diff.<driver>.command`, `git diff
//! --no-index`), and the repository path `git difftool -x` compares ([`difftool_base`]). The
//! files git passes may be temporary copies; the sides are shown under the repository paths
//! (or /dev/null for an added or deleted file). What storydiff does differently as a driver
//! (exit 0 whatever differs, a note instead of an error) is in [`crate::cli::run_diff`].

/// git's seven-argument (nine for a rename) external-diff call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitCall {
    pub path: String,
    pub old_file: String,
    pub new_file: String,
    /// The path after a rename; `path` otherwise.
    pub new_path: String,
}

impl GitCall {
    /// The name a side is shown under: its repository path, or /dev/null for a missing side.
    pub fn name(&self, file: &str, path: &str) -> String {
        if file == "/dev/null" {
            file.to_string()
        } else {
            path.to_string()
        }
    }
}

/// Recognises `path old-file old-hex old-mode new-file new-hex new-mode [new-path
/// rename-info]`: seven or nine arguments whose third and sixth are hex object names and
/// fourth and seventh octal modes (each `.` for a missing side).
pub fn call(files: &[String]) -> Option<GitCall> {
    let (path, old_file, old_hex, old_mode, new_file, new_hex, new_mode, new_path) = match files {
        [p, of, oh, om, nf, nh, nm] => (p, of, oh, om, nf, nh, nm, p),
        [p, of, oh, om, nf, nh, nm, np, _info] => (p, of, oh, om, nf, nh, nm, np),
        _ => return None,
    };
    let hex = |s: &str| s == "." || (!s.is_empty() && s.chars().all(|c| c.is_ascii_hexdigit()));
    let mode = |s: &str| s == "." || (!s.is_empty() && s.chars().all(|c| matches!(c, '0'..='7')));
    (hex(old_hex) && hex(new_hex) && mode(old_mode) && mode(new_mode)).then(|| GitCall {
        path: path.clone(),
        old_file: old_file.clone(),
        new_file: new_file.clone(),
        new_path: new_path.clone(),
    })
}

/// The repository path of the file that `git difftool -x` is comparing: git's difftool helper
/// exports it as `BASE` beside `GIT_DIFFTOOL_EXTCMD` (git-difftool--helper.sh).
pub fn difftool_base(env: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    env("GIT_DIFFTOOL_EXTCMD")?;
    env("BASE").filter(|b| !b.is_empty())
}

/// The name to show `file` under for `git difftool -x`, which passes temporary copies
/// (`/tmp/git-blob-XXXX/story.txt`) and names the repository path in `base`: `base` for a copy
/// of that file (the same file name), `None` for any other file. With `--no-index a.txt
/// b.txt`, BASE is a.txt and b.txt keeps its name; /dev/null is never renamed.
pub fn difftool_name(file: &str, base: &str) -> Option<String> {
    let file_name = |p: &str| std::path::Path::new(p).file_name().map(|n| n.to_owned());
    (file != "/dev/null" && file_name(file) == file_name(base)).then(|| base.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::cli::env_of;

    #[test]
    fn git_call_recognised() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let g = call(&args(&[
            "story.txt",
            "/tmp/x_story.txt",
            "0123abcd",
            "100644",
            "story.txt",
            "fedc",
            "100644",
        ]))
        .unwrap();
        assert_eq!(g.old_file, "/tmp/x_story.txt");
        assert_eq!(g.name(&g.old_file, &g.path), "story.txt");
        assert_eq!(g.name("/dev/null", &g.path), "/dev/null");
        let r = call(&args(&[
            "old.txt",
            "/tmp/o",
            "ab",
            "100644",
            "new.txt",
            "cd",
            "100644",
            "new.txt",
            "similarity index 90%\n",
        ]))
        .unwrap();
        assert_eq!(r.name(&r.new_file, &r.new_path), "new.txt");
        assert_eq!(r.name(&r.old_file, &r.path), "old.txt");
        assert!(call(&args(&["a", "b"])).is_none());
        assert!(call(&args(&["p", "a", "zz", "100644", "b", "ff", "100644"])).is_none());
        assert!(call(&args(&["p", "a", "ff", "9", "b", "ff", "100644"])).is_none());
    }

    #[test]
    fn difftool_base_needs_both_variables() {
        assert_eq!(difftool_base(&env_of(&[("BASE", "x.txt")])), None);
        assert_eq!(
            difftool_base(&env_of(&[
                ("BASE", "x.txt"),
                ("GIT_DIFFTOOL_EXTCMD", "storydiff")
            ])),
            Some("x.txt".to_string())
        );
        assert_eq!(
            difftool_base(&env_of(&[
                ("BASE", ""),
                ("GIT_DIFFTOOL_EXTCMD", "storydiff")
            ])),
            None
        );
    }
}
