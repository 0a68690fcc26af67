//! exit: the exit codes of the `storydiff` binary, as `diff` and `cmp` use them.

/// Nothing at or above the `--fail-on` level differs.
pub const SAME: i32 = 0;
/// Something at or above the `--fail-on` level differs.
pub const DIFFERENT: i32 = 1;
/// Trouble: bad input or usage; the message is on standard error, standard output is empty.
pub const TROUBLE: i32 = 2;
