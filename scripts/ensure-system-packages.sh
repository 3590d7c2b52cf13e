#!/usr/bin/env bash
# Installs from Debian's archive the system programs ogi needs, when (and only when) one is missing.
#
#   scripts/ensure-system-packages.sh [services] [browser] [documents]    (default: all three)
#
#   services   redis-server, postgresql            (integration tests, `npm start`)
#   browser    chromium, fonts-wqy-microhei        (browser tests, Chinese glyphs in screenshots)
#   documents  libreoffice-writer-nogui, poppler-utils   (DOCX → PDF → PNG checks of letters)
#
# Checks by binary, so it is fast and idempotent. As root it runs `apt-get update` once, then
# `apt-get install`; otherwise it prints the command to run and exits 1.
set -euo pipefail

usage() {
  echo "usage: $0 [services|browser|documents]..." >&2
  exit 2
}

groups=("$@")
if [ ${#groups[@]} -eq 0 ]; then groups=(services browser documents); fi

has_initdb() { compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }
# grep without -q reads all of fc-list's output: an early exit would SIGPIPE it and, with
# pipefail, report the font as missing.
has_wqy_font() { command -v fc-list >/dev/null && fc-list | grep -i wqy >/dev/null; }

# Prints the Debian packages of one group whose binary is missing, one per line.
missing_of_group() {
  case "$1" in
    services)
      command -v redis-server >/dev/null || echo redis-server
      has_initdb || echo postgresql
      ;;
    browser)
      command -v chromium >/dev/null || echo chromium
      command -v fc-list >/dev/null || echo fontconfig
      has_wqy_font || echo fonts-wqy-microhei
      ;;
    documents)
      command -v soffice >/dev/null || echo libreoffice-writer-nogui
      command -v pdftoppm >/dev/null || echo poppler-utils
      ;;
    *) usage ;;
  esac
}

missing_packages() {
  local group
  for group in "${groups[@]}"; do missing_of_group "$group"; done
}

# Validate every group name before doing anything.
for group in "${groups[@]}"; do
  case "$group" in services | browser | documents) ;; *) usage ;; esac
done

mapfile -t missing < <(missing_packages)
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages present: ${groups[*]}"
  exit 0
fi

install_cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$EUID" -ne 0 ]; then
  {
    echo "缺少系统软件包：${missing[*]}。请以 root 身份运行："
    echo "Missing Debian packages: ${missing[*]}. Run as root:"
    echo
    echo "  apt-get update && ${install_cmd}"
  } >&2
  exit 1
fi

# apt's progress goes to a log, shown only if it fails: the success path stays one line.
apt_log="$(mktemp -t ogi-apt.XXXXXX.log)"
echo "installing Debian packages: ${missing[*]} (apt log: ${apt_log})" >&2
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086 # word splitting of the package list is intended
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends ${missing[*]}; } >"$apt_log" 2>&1; then
  cat "$apt_log" >&2
  echo "apt-get 失败 / apt-get failed: ${install_cmd}" >&2
  exit 1
fi
rm -f "$apt_log"

mapfile -t still_missing < <(missing_packages)
if [ ${#still_missing[@]} -ne 0 ]; then
  echo "安装后仍缺少 / still missing after apt-get install: ${still_missing[*]}" >&2
  exit 1
fi
echo "system packages installed: ${missing[*]}"
