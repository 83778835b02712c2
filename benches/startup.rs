//! Start-up: process start to the first frame with the map, on the seeds, in a real window under
//! a virtual X server (Xvfb, software rendering). The program prints the time itself with
//! `--exit-after-first-frame`; this runs it several times and reports the median and the range,
//! with the wall time of the whole process (start to exit) next to it.
//!
//! `cargo bench --bench startup` (RUNS=n to change the 11 runs). Uses $DISPLAY when set, else
//! starts `Xvfb` on a free display for the duration of the runs.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PROGRAM: &str = env!("CARGO_BIN_EXE_karabakh-atlas");

/// An X server this benchmark started, stopped when dropped.
struct VirtualDisplay {
    server: Child,
}

impl Drop for VirtualDisplay {
    fn drop(&mut self) {
        // SIGTERM lets Xvfb remove its socket and lock file; SIGKILL only if that fails.
        let terminated = Command::new("kill")
            .args(["-TERM", &self.server.id().to_string()])
            .status()
            .is_ok_and(|s| s.success());
        if !terminated {
            let _ = self.server.kill();
        }
        let _ = self.server.wait();
    }
}

fn start_xvfb() -> Result<(String, VirtualDisplay), String> {
    let number = (90..200)
        .find(|n| {
            !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .ok_or("no free X display number between :90 and :199")?;
    let display = format!(":{number}");
    let server = Command::new("Xvfb")
        .args([
            display.as_str(),
            "-screen",
            "0",
            "1920x1080x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start Xvfb ({e}); install xvfb or set DISPLAY"))?;
    let guard = VirtualDisplay { server };
    let socket = format!("/tmp/.X11-unix/X{number}");
    let started = Instant::now();
    while !Path::new(&socket).exists() {
        if started.elapsed() > Duration::from_secs(10) {
            return Err(format!("Xvfb {display} did not come up within 10 s"));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok((display, guard))
}

/// One run: (first frame as printed by the program, whole process) in ms.
fn run_once(display: &str) -> Result<(f64, f64), String> {
    let started = Instant::now();
    let output = Command::new(PROGRAM)
        .arg("--exit-after-first-frame")
        .current_dir(common::root())
        .env("DISPLAY", display)
        .output()
        .map_err(|e| format!("cannot run {PROGRAM}: {e}"))?;
    let whole = started.elapsed().as_secs_f64() * 1000.0;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let first_frame = stdout
        .lines()
        .find_map(|l| {
            l.strip_prefix("first frame with the map after ")
                .and_then(|rest| rest.strip_suffix(" ms"))
                .and_then(|ms| ms.trim().parse::<f64>().ok())
        })
        .ok_or_else(|| {
            format!(
                "the program printed no first-frame time (exit {:?}); stdout: {stdout} stderr: {}",
                output.status.code(),
                String::from_utf8_lossy(&output.stderr)
            )
        })?;
    Ok((first_frame, whole))
}

fn summary(name: &str, mut values: Vec<f64>) {
    values.sort_by(f64::total_cmp);
    let median = values[values.len() / 2];
    println!(
        "{name:<34} median {median:6.0} ms   min {:6.0} ms   max {:6.0} ms   ({} runs)",
        values[0],
        values[values.len() - 1],
        values.len()
    );
}

fn main() {
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(11)
        .max(1);
    let (display, _server) = match std::env::var("DISPLAY") {
        Ok(d) if !d.is_empty() => (d, None),
        _ => match start_xvfb() {
            Ok((d, guard)) => (d, Some(guard)),
            Err(message) => {
                eprintln!("startup benchmark: {message}");
                std::process::exit(2);
            }
        },
    };
    println!("load average {}; display {display}", common::load_average());
    // One unmeasured run warms the file cache and the GL driver.
    if let Err(message) = run_once(&display) {
        eprintln!("startup benchmark: {message}");
        std::process::exit(1);
    }
    let mut first_frames = Vec::new();
    let mut wholes = Vec::new();
    for _ in 0..runs {
        match run_once(&display) {
            Ok((first, whole)) => {
                first_frames.push(first);
                wholes.push(whole);
            }
            Err(message) => {
                eprintln!("startup benchmark: {message}");
                std::process::exit(1);
            }
        }
    }
    summary("process start → first map frame", first_frames);
    summary("process start → exit", wholes);
}
