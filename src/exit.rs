//! exit: the exit codes of the `storydiff` binary, all in this one place, as `diff` and `cmp`
//! use them.
//!
//! `storydiff A B` exits [`Exit::Same`] or [`Exit::Different`] by `--fail-on`, and
//! [`Exit::Same`] whatever differs when git runs it as a diff driver (git stops at a driver
//! that exits non-zero). `storydiff batch` exits [`Exit::Trouble`] if any pair failed, else
//! [`Exit::Different`] if any pair differs, else [`Exit::Same`]. A closed pipe on standard
//! output (`storydiff a b | head -1`) is [`Exit::Same`]: the reader has gone, which is not an
//! error. The values are part of the contract (`../shared/CONTRACT.md`).

/// How a run of `storydiff` ended, as its exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: nothing at or above the `--fail-on` level differs.
    Same = 0,
    /// 1: something at or above the `--fail-on` level differs.
    Different = 1,
    /// 2: trouble: bad input or usage; the message is on standard error, standard output is
    /// empty.
    Trouble = 2,
}

impl Exit {
    /// The process exit status.
    pub fn code(self) -> i32 {
        self as i32
    }
}

#[cfg(test)]
mod tests {
    use super::Exit;

    #[test]
    fn values_are_the_contract() {
        assert_eq!(
            [Exit::Same, Exit::Different, Exit::Trouble].map(Exit::code),
            [0, 1, 2]
        );
    }
}
