# Shared set-up steps for scripts/serve, scripts/test and .ci/run.
# Each step installs what is missing and does nothing when it is already there.

log_step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi
}

# ensure_apt_packages CMD=PKG ...: installs PKG with apt-get when CMD is missing.
# CMD may also be an absolute file path (a font, say), or a glob of one: then PKG is installed
# when no file matches.
ensure_apt_packages() {
  local wanted=() pair
  for pair in "$@"; do
    case "${pair%%=*}" in
      /*) compgen -G "${pair%%=*}" >/dev/null || wanted+=("${pair#*=}") ;;
      *) command -v "${pair%%=*}" >/dev/null 2>&1 || wanted+=("${pair#*=}") ;;
    esac
  done
  [ ${#wanted[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "missing: ${wanted[*]} (no apt-get here: install them with your package manager)" >&2
    return 1
  fi
  log_step "installing system packages: ${wanted[*]}"
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${wanted[@]}"
}

ensure_uv() {
  command -v uv >/dev/null 2>&1 && return 0
  export PATH="$HOME/.local/bin:$PATH"
  command -v uv >/dev/null 2>&1 && return 0
  log_step "installing uv (from PyPI)"
  python3 -m pip install --quiet --user uv 2>/dev/null || python3 -m pip install --quiet uv
  hash -r
}

sync_python() {
  log_step "syncing Python dependencies (uv.lock)"
  uv sync --frozen
}

# GUI sources newer than the build (or no build at all) mean it must be rebuilt.
gui_build_is_stale() {
  [ -f gui/dist/index.html ] || return 0
  [ -n "$(find gui/src gui/index.html gui/package-lock.json gui/vite.config.ts -newer gui/dist/index.html -print -quit 2>/dev/null)" ]
}

ensure_gui_deps() {
  if [ ! -d gui/node_modules ] || [ gui/package-lock.json -nt gui/node_modules/.package-lock.json ]; then
    log_step "installing GUI dependencies (npm ci)"
    npm --prefix gui ci --no-audit --no-fund
  fi
}

ensure_gui_build() {
  [ -f gui/package.json ] || return 0
  ensure_apt_packages node=nodejs npm=npm
  if gui_build_is_stale; then
    ensure_gui_deps
    log_step "building the GUI"
    npm --prefix gui run build
  fi
}
