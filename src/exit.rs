//! exit: the exit codes of the `storydiff` binary, all in this one place, as `diff` and `cmp`
//! use them.
//!
//! `storydiff A B` exits [`SAME`] or [`DIFFERENT`] by `--fail-on`, and [`SAME`] whatever
//! differs when git runs it as a diff driver (git stops at a driver that exits non-zero).
//! `storydiff batch` exits [`TROUBLE`] if any pair failed, else [`DIFFERENT`] if any pair
//! differs, else [`SAME`]. A closed pipe on standard output (`storydiff a b | head -1`) is
//! [`SAME`]: the reader has gone, which is not an error.

/// Nothing at or above the `--fail-on` level differs.
pub const SAME: i32 = 0;
/// Something at or above the `--fail-on` level differs.
pub const DIFFERENT: i32 = 1;
/// Trouble: bad input or usage; the message is on standard error, standard output is empty.
pub const TROUBLE: i32 = 2;
