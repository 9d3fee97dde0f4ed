#!/usr/bin/env bash
# Runs a gen-collections bundle with Newman: client certificates, CA, PSU consent and all.
# This file is the same in every bundle and holds no value of the bank's: what it runs comes from
# run-newman.plan.json beside it, written by `gen-collections generate`. It needs bash, node and newman.
# ./run-newman.sh --help lists the options and the exit codes.
set -euo pipefail

readonly EXIT_FAILED=1 EXIT_AWAITING_CODE=10 EXIT_PSU_REFUSED=11 EXIT_BANK_REFUSED=12 EXIT_PSU_COMMAND=13
readonly EXIT_USAGE=64 EXIT_BAD_CODE=65 EXIT_NO_INPUT=66 EXIT_NO_NEWMAN=127
readonly PLAN=run-newman.plan.json STATE_DIR=.newman-state

usage() {
    cat <<'USAGE'
Usage: ./run-newman.sh [options]

Runs the collection with Newman from this script's folder, as run-newman.plan.json describes it. A PSU
consent step splits the run: the script prints the consent URL, takes the authorisation code (or the whole
redirect URL) and runs the rest. A bank that approves the consent without a login page (headless) answers
the consent step with the code, and the run goes on by itself. Flows marked `once` (onboarding:
registration, the helper download) run only when named with --folder.

Options:
  --folder NAME       run only this folder or request (repeatable; runs in collection order)
  --bail              stop at the first failure (newman --bail failure)
  --junit PATH        also write a JUnit report (PATH gets -N before its extension per consent phase)
  --env-var KEY=VALUE pass a variable to newman (repeatable; visible to other users in the process list)
  --code CODE|URL     the authorisation code, or the redirect URL carrying it (query or fragment)
  --psu-command CMD   run CMD (with bash) for each PSU consent: the consent URL is on its standard input,
                      in $1 and in PSU_CONSENT_URL; the last line it prints is the code or the redirect URL
  --fresh             discard a saved run that waits for a code, and start over
  --list              print the folders and requests
  --dry-run           print the newman commands instead of running them
  -h, --help          show this help

Environment: PSU_CODE or PSU_REDIRECT_URL instead of --code; NEWMAN to use another newman command; the
variables the plan names for key passphrases.
Without a terminal and without a code, the run stops at the consent step, saves its state in .newman-state/
(private to you) and exits with 10; run again with the code to continue from there.

Exit codes:
   0  every request and test passed
   1  a request or a test failed (newman's status)
  10  waiting for the PSU's authorisation code (the run is saved; give --code to continue)
  11  the PSU refused the consent (error=access_denied in the redirect)
  12  the bank refused the consent request (an OAuth error from the authorisation server)
  13  the PSU command failed or printed nothing (the run is saved)
  64  usage error
  65  no authorisation code in what was given
  66  a file of the bundle is missing or unreadable
 127  newman or node not found
USAGE
}

say() { printf 'run-newman: %s\n' "$*" >&2; }
usage_error() {
    say "$*"
    say "see ./run-newman.sh --help"
    exit "$EXIT_USAGE"
}
# Text from the plan or the bank, with control characters shown as '?', for messages.
shown() { printf '%s' "${1//[[:cntrl:]]/?}"; }

folders=()
user_env_vars=()
junit=''
bail=0
dry_run=0
fresh=0
code_input=''
psu_command=''
list=0
while (($#)); do
    case $1 in
        --folder | --junit | --env-var | --code | --psu-command)
            (($# >= 2)) || usage_error "$1 needs a value"
            case $1 in
                --folder) folders+=("$2") ;;
                --junit) junit=$2 ;;
                --env-var)
                    [[ $2 == ?*=* ]] || usage_error "--env-var wants KEY=VALUE"
                    user_env_vars+=("$2")
                    ;;
                --code) code_input=$2 ;;
                --psu-command) psu_command=$2 ;;
            esac
            shift 2
            ;;
        --bail) bail=1 && shift ;;
        --dry-run) dry_run=1 && shift ;;
        --fresh) fresh=1 && shift ;;
        --list) list=1 && shift ;;
        -h | --help) usage && exit 0 ;;
        *) usage_error "unknown option '$(shown "$1")'" ;;
    esac
done
[[ -n $code_input ]] || code_input=${PSU_CODE:-${PSU_REDIRECT_URL:-}}

cd "$(dirname "${BASH_SOURCE[0]}")"

if ! command -v node >/dev/null 2>&1; then
    say "node is not installed: newman and this script need Node.js 16 or later"
    exit "$EXIT_NO_NEWMAN"
fi

# MARK: - JSON, URLs and signatures, in node (values travel as arguments and through files, never as code)

read -r -d '' HELPER <<'JS' || true
const fs = require("fs");
const crypto = require("crypto");
const [command, ...args] = process.argv.slice(1);
const fail = (message, status) => { process.stderr.write("run-newman: " + message + "\n"); process.exit(status || 66); };
const readJSON = (file) => {
    try { return JSON.parse(fs.readFileSync(file, "utf8")); } catch (error) { fail("cannot read " + file + ": " + error.message); }
};
const out = (fields) => {
    for (const field of fields) {
        const text = String(field);
        if (text.includes("\0")) { fail("the plan holds a NUL character; regenerate the bundle"); }
        process.stdout.write(text + "\0");
    }
};
const text = (value, what) => {
    if (typeof value !== "string") { fail("run-newman.plan.json: " + what + " is not a string; regenerate the bundle"); }
    return value;
};
const environmentValue = (environment, key) => {
    const found = (environment.values || []).find((v) => v && v.key === key && v.enabled !== false);
    return found && found.value != null ? String(found.value) : "";
};
// Writes an environment file through a private temporary file and a rename.
const writeEnvironment = (file, environment) => {
    const temporary = file + ".tmp-" + process.pid;
    fs.writeFileSync(temporary, JSON.stringify(environment, null, 2) + "\n", { mode: 0o600 });
    fs.renameSync(temporary, file);
};
const setValue = (environment, key, value, type) => {
    environment.values = (environment.values || []).filter((v) => !(v && v.key === key));
    environment.values.push({ key: key, value: value, type: type || "default", enabled: true });
};
const base64url = (buffer) => buffer.toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const commands = {
    // The plan as NUL-separated fields: files, settings, passphrases, then the requests; "end" last.
    plan([file]) {
        const plan = readJSON(file);
        if (plan.format !== 1) { fail(file + " has format " + JSON.stringify(plan.format) + "; this runner reads format 1"); }
        const passphrases = Array.isArray(plan.passphrases) ? plan.passphrases : [];
        const requests = Array.isArray(plan.requests) ? plan.requests : [];
        out([text(plan.collection, "collection"), text(plan.environment, "environment"),
            plan.certificateList ? text(plan.certificateList, "certificateList") : "",
            plan.caBundle ? text(plan.caBundle, "caBundle") : "", plan.insecure === true ? 1 : 0,
            text(plan.fingerprint, "fingerprint"), passphrases.length]);
        for (const entry of passphrases) { out([text(entry.certificate, "a certificate"), text(entry.variable, "a variable")]); }
        out([requests.length]);
        for (const request of requests) {
            const consent = request.consent || {};
            const signing = consent.signing || {};
            out([text(request.name, "a request name"), text(request.folder, "a folder name"), request.once === true ? 1 : 0,
                consent.urlVariable || "", consent.codeVariable || "", signing.key || "", signing.passphraseVariable || ""]);
        }
        out(["end"]);
    },
    // Prints the value of a variable of an environment file.
    get([file, key]) { process.stdout.write(environmentValue(readJSON(file), key)); },
    // Sets a variable of an environment file to the value in GC_VALUE (secret: it never is an argument).
    set([file, key, type]) {
        const environment = readJSON(file);
        setValue(environment, key, process.env.GC_VALUE || "", type);
        writeEnvironment(file, environment);
    },
    // The certificate list with each key's passphrase from the variable the plan names, to stdout.
    passphrases([file, ...pairs]) {
        const list = readJSON(file);
        for (let i = 0; i + 1 < pairs.length; i += 2) {
            for (const entry of list) {
                if (entry && entry.name === pairs[i]) { entry.passphrase = process.env[pairs[i + 1]]; }
            }
        }
        process.stdout.write(JSON.stringify(list, null, 2));
    },
    // For each (certificate, variable) pair, one field: "set" when the variable is set, "missing" when it is
    // not and the key may need it (a PKCS#12 file, or a PEM key that is encrypted or cannot be read), else "".
    passphrase([file, ...pairs]) {
        const list = readJSON(file);
        for (let i = 0; i + 1 < pairs.length; i += 2) {
            if (process.env[pairs[i + 1]]) { out(["set"]); continue; }
            const entry = (Array.isArray(list) ? list : []).find((e) => e && e.name === pairs[i]) || {};
            let encrypted = true;
            if (entry.key && typeof entry.key.src === "string") {
                try { encrypted = fs.readFileSync(entry.key.src, "utf8").includes("ENCRYPTED"); } catch (error) { /* unreadable: say so */ }
            }
            out([encrypted ? "missing" : ""]);
        }
        out(["end"]);
    },
    // Signs the consent's request object (PS256: RSASSA-PSS, SHA-256, salt 32) and sets the consent URL.
    sign([file, urlVariable, keyFile, passphraseVariable]) {
        const environment = readJSON(file);
        const input = environmentValue(environment, urlVariable + "SigningInput");
        const withoutRequest = environmentValue(environment, urlVariable + "WithoutRequest");
        if (!input || !withoutRequest) { fail("the consent step did not save " + urlVariable + "SigningInput", 1); }
        let key;
        try {
            key = crypto.createPrivateKey({ key: fs.readFileSync(keyFile), passphrase: passphraseVariable ? process.env[passphraseVariable] : undefined });
        } catch (error) { fail("cannot read the request-object signing key " + keyFile + ": " + error.message); }
        const signature = crypto.sign("sha256", Buffer.from(input), { key: key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
        setValue(environment, urlVariable, withoutRequest + "&request=" + input + "." + base64url(signature));
        writeEnvironment(file, environment);
    },
    // What the PSU gave: "code" and the code, or "error", the error and its description, or "none".
    redirect([input]) {
        input = input.trim();
        if (!/[?#]/.test(input)) {
            out(input && !/\s|:\/\//.test(input) ? ["code", input] : ["none"]);
            return;
        }
        const parameters = new Map();
        const rest = input.slice(input.search(/[?#]/) + 1);
        for (const pair of rest.split(/[&#?]/)) {
            const at = pair.indexOf("=");
            if (at < 0) { continue; }
            try {
                const key = decodeURIComponent(pair.slice(0, at).replace(/\+/g, " "));
                if (!parameters.has(key)) { parameters.set(key, decodeURIComponent(pair.slice(at + 1).replace(/\+/g, " "))); }
            } catch (error) { /* not percent-encoded: ignored */ }
        }
        if (parameters.get("code")) { out(["code", parameters.get("code")]); return; }
        if (parameters.get("error")) { out(["error", parameters.get("error"), parameters.get("error_description") || ""]); return; }
        out(["none"]);
    },
};
if (!commands[command]) { fail("unknown helper command " + command, 70); }
commands[command](args);
JS
helper() { node -e "$HELPER" "$@"; }

# Reads NUL-separated fields from the helper into the array `fields`; the last must be "end".
read_fields() {
    fields=()
    local field
    while IFS= read -r -d '' field; do fields+=("$field"); done < <(helper "$@" || printf 'failed\0')
}

# MARK: - The plan

[[ -f $PLAN ]] || { say "'$PLAN' is missing next to this script; run 'gen-collections generate' again" && exit "$EXIT_NO_INPUT"; }
read_fields plan "$PLAN"
[[ ${fields[${#fields[@]} - 1]:-} == end ]] || exit "$EXIT_NO_INPUT"
COLLECTION=${fields[0]} ENVIRONMENT=${fields[1]} CERT_LIST=${fields[2]} CA_BUNDLE=${fields[3]}
INSECURE=${fields[4]} FINGERPRINT=${fields[5]}
at=7
PASSPHRASE_CERTS=() PASSPHRASE_VARS=()
for ((n = 0; n < fields[6]; n++)); do
    PASSPHRASE_CERTS+=("${fields[at]}") PASSPHRASE_VARS+=("${fields[at + 1]}")
    at=$((at + 2))
done
request_count=${fields[at]}
at=$((at + 1))
REQUESTS=() FOLDERS=() ONCE=() CONSENT_URL_VARS=() CODE_VARS=() SIGNING_KEYS=() SIGNING_PASSPHRASE_VARS=()
for ((n = 0; n < request_count; n++)); do
    REQUESTS+=("${fields[at]}") FOLDERS+=("${fields[at + 1]}") ONCE+=("${fields[at + 2]}")
    CONSENT_URL_VARS+=("${fields[at + 3]}") CODE_VARS+=("${fields[at + 4]}")
    SIGNING_KEYS+=("${fields[at + 5]}") SIGNING_PASSPHRASE_VARS+=("${fields[at + 6]}")
    at=$((at + 7))
done

if ((list)); then
    for i in "${!REQUESTS[@]}"; do
        notes=${CONSENT_URL_VARS[i]:+  (PSU consent)}
        ((!ONCE[i])) || notes+='  (once: runs only with --folder)'
        printf '%s / %s%s\n' "$(shown "${FOLDERS[i]}")" "$(shown "${REQUESTS[i]}")" "$notes"
    done
    exit 0
fi

for file in "$COLLECTION" "$ENVIRONMENT" ${CERT_LIST:+"$CERT_LIST"} ${CA_BUNDLE:+"$CA_BUNDLE"}; do
    [[ -f $file ]] || {
        say "'$(shown "$file")' is missing next to this script; run 'gen-collections generate' again (or 'gen-collections certs')"
        exit "$EXIT_NO_INPUT"
    }
done

newman_command=${NEWMAN:-newman}
if ! command -v "$newman_command" >/dev/null 2>&1 && ((!dry_run)); then
    say "newman is not installed (looked for '$(shown "$newman_command")' on PATH)"
    say "install it with: npm install -g newman   (needs Node.js 16 or later)"
    exit "$EXIT_NO_NEWMAN"
fi

if ((INSECURE)); then
    say "WARNING: server certificate verification is OFF (--insecure) because the spec says verify: false."
    say "WARNING: anyone on the network path can read and change this traffic; prefer tls.caBundle."
fi

# MARK: - Certificates

# Keys whose passphrase variable is set get it in a copy of the list that newman reads from a pipe: the
# passphrase is never written to a file nor put on a command line. An unset variable is worth a word only
# where the key is encrypted.
passphrase_pairs=()
if ((${#PASSPHRASE_VARS[@]})) && [[ -n $CERT_LIST ]]; then
    all_pairs=()
    for i in "${!PASSPHRASE_VARS[@]}"; do all_pairs+=("${PASSPHRASE_CERTS[i]}" "${PASSPHRASE_VARS[i]}"); done
    read_fields passphrase "$CERT_LIST" "${all_pairs[@]}"
    [[ ${fields[${#fields[@]} - 1]:-} == end ]] || exit "$EXIT_NO_INPUT"
    for i in "${!PASSPHRASE_VARS[@]}"; do
        case ${fields[i]} in
            set) passphrase_pairs+=("${PASSPHRASE_CERTS[i]}" "${PASSPHRASE_VARS[i]}") ;;
            missing) say "$(shown "${PASSPHRASE_VARS[i]}") is not set: the key of certificate '$(shown "${PASSPHRASE_CERTS[i]}")' is used without a passphrase" ;;
        esac
    done
fi

# MARK: - Selecting requests

selected=()
if ((${#folders[@]})); then
    for name in "${folders[@]}"; do
        known=0
        for i in "${!REQUESTS[@]}"; do
            [[ ${REQUESTS[i]} == "$name" || ${FOLDERS[i]} == "$name" ]] && known=1
        done
        ((known)) || usage_error "no folder or request is named '$(shown "$name")' (see --list)"
    done
    for i in "${!REQUESTS[@]}"; do
        for name in "${folders[@]}"; do
            if [[ ${REQUESTS[i]} == "$name" || ${FOLDERS[i]} == "$name" ]]; then
                selected+=("$i")
                break
            fi
        done
    done
else
    for i in "${!REQUESTS[@]}"; do
        ((ONCE[i])) || selected+=("$i")
    done
fi

# MARK: - Saved state

state_file=$STATE_DIR/state
saved_environment=$STATE_DIR/environment.json
pending_consent=-1
if [[ -f $state_file ]] && ((fresh)); then
    rm -rf -- "$STATE_DIR"
fi
if [[ -f $state_file ]]; then
    saved_fingerprint='' saved_selection=''
    while read -r field value; do
        case $field in
            fingerprint) saved_fingerprint=$value ;;
            consent) pending_consent=$value ;;
            selected) saved_selection=$value ;;
        esac
    done <"$state_file"
    if [[ $saved_fingerprint != "$FINGERPRINT" || ! $pending_consent =~ ^[0-9]+$ ]] || ((pending_consent >= ${#REQUESTS[@]})); then
        usage_error "the run saved in $STATE_DIR/ belongs to another collection; start over with --fresh"
    fi
    if ((${#folders[@]})); then
        usage_error "a run waits for the PSU code in $STATE_DIR/; give --code to continue it, or --fresh to start over"
    fi
    read -r -a selected <<<"$saved_selection"
    say "continuing the run saved at '$(shown "${REQUESTS[pending_consent]}")' ($STATE_DIR/; --fresh starts over)"
fi

save_state() {
    printf 'fingerprint %s\nconsent %s\nselected %s\n' "$FINGERPRINT" "$1" "${selected[*]}" >"$state_file"
}

# MARK: - The PSU code

# Sets `code` from what the PSU gave ($1: a code, or the redirect URL); exits when it holds none or an error.
code_from() {
    read_fields redirect "$1"
    case ${fields[0]:-none} in
        code) code=${fields[1]} ;;
        error)
            say "the redirect carries error=$(shown "${fields[1]}")${fields[2]:+ ($(shown "${fields[2]}"))}: the consent was not given"
            [[ ${fields[1]} == access_denied ]] && exit "$EXIT_PSU_REFUSED"
            exit "$EXIT_BANK_REFUSED"
            ;;
        *)
            say "no authorisation code found in what was given (expected a code, or a URL with code= in it)"
            exit "$EXIT_BAD_CODE"
            ;;
    esac
}

# Sets `code` for the consent at request $1, whose URL is $2; exits 10 (state kept) when there is none.
obtain_code() {
    local answer='' output status
    if [[ -n $code_input ]]; then
        answer=$code_input
        code_input=''
    elif [[ -n $psu_command ]]; then
        say "running the PSU command for '$(shown "${REQUESTS[$1]}")'"
        status=0
        output=$(printf '%s\n' "$2" | PSU_CONSENT_URL=$2 bash -c "$psu_command" psu-command "$2") || status=$?
        answer=$(printf '%s\n' "$output" | sed -e '/^[[:space:]]*$/d' | tail -n 1)
        if ((status != 0)) || [[ -z $answer ]]; then
            say "the PSU command failed (status $status) or printed no code; the run is saved in $STATE_DIR/"
            exit "$EXIT_PSU_COMMAND"
        fi
    elif [[ -t 0 ]]; then
        read -r -p "Authorisation code or redirect URL: " answer || answer=''
    fi
    if [[ -z $answer ]]; then
        say "waiting for the PSU consent: open the URL above, then run this script again with"
        say "  --code CODE_OR_REDIRECT_URL (or PSU_CODE / PSU_REDIRECT_URL); the run is saved in $STATE_DIR/"
        exit "$EXIT_AWAITING_CODE"
    fi
    code_from "$answer"
}

# MARK: - Running newman

# Prints a command with --env-var values hidden (shown as KEY=...): they may be secrets.
show_command() {
    local argument hide=0 shown=()
    for argument in "$@"; do
        if ((hide)); then
            shown+=("${argument%%=*}=...")
        else
            shown+=("$argument")
        fi
        hide=0
        if [[ $argument == --env-var ]]; then hide=1; fi
    done
    printf '%q ' "${shown[@]}" | sed -e 's/ $//'
    printf '\n'
}

((${#selected[@]})) || usage_error "the collection has no request to run"
# Each PSU consent step ends a phase; a consent that ends the selection ends the run.
phase_count=1
for i in "${selected[@]}"; do
    [[ -z ${CONSENT_URL_VARS[i]} ]] || phase_count=$((phase_count + 1))
done
last_selected=${selected[${#selected[@]} - 1]}
[[ -z ${CONSENT_URL_VARS[last_selected]} ]] || phase_count=$((phase_count - 1))

# Runs one phase. $1 environment file, $2 export file or '', $3 phase number, then the request indices.
run_phase() {
    local environment=$1 export_file=$2 phase=$3 report i
    shift 3
    local arguments=(run "$COLLECTION" --environment "$environment")
    if ((${#folders[@]})) || ((phase_count > 1)) || ((${#selected[@]} < ${#REQUESTS[@]})); then
        for i in "$@"; do arguments+=(--folder "${REQUESTS[i]}"); done
    fi
    local list_argument=()
    if [[ -n $CERT_LIST ]]; then
        list_argument=(--ssl-client-cert-list "$CERT_LIST")
        ((${#passphrase_pairs[@]} == 0)) || list_argument=(--ssl-client-cert-list /dev/stdin)
    fi
    arguments+=(${list_argument[@]+"${list_argument[@]}"})
    [[ -z $CA_BUNDLE ]] || arguments+=(--ssl-extra-ca-certs "$CA_BUNDLE")
    ((!INSECURE)) || arguments+=(--insecure)
    if [[ -n $junit ]]; then
        report=$junit
        if ((phase_count > 1)); then
            if [[ ${junit##*/} == ?*.* ]]; then
                report=${junit%.*}-$phase.${junit##*.}
            else
                report=$junit-$phase
            fi
        fi
        arguments+=(--reporters "cli,junit" --reporter-junit-export "$report")
    else
        arguments+=(--reporters cli)
    fi
    ((!bail)) || arguments+=(--bail failure)
    [[ -z $export_file ]] || arguments+=(--export-environment "$export_file")
    for i in ${user_env_vars[@]+"${user_env_vars[@]}"}; do arguments+=(--env-var "$i"); done
    if ((dry_run)); then
        show_command "$newman_command" "${arguments[@]}"
        return 0
    fi
    say "phase $phase of $phase_count: $(show_command newman "${arguments[@]}")"
    if ((${#passphrase_pairs[@]})); then
        helper passphrases "$CERT_LIST" "${passphrase_pairs[@]}" | "$newman_command" "${arguments[@]}"
    else
        "$newman_command" "${arguments[@]}" </dev/null
    fi
}

environment=$ENVIRONMENT
phase=1
if ((pending_consent >= 0)); then
    environment=$saved_environment
    for i in "${selected[@]}"; do
        ((i > pending_consent)) || [[ -z ${CONSENT_URL_VARS[i]} ]] || phase=$((phase + 1))
    done
fi
remaining=()
for i in "${selected[@]}"; do
    if ((i > pending_consent)); then remaining+=("$i"); fi
done

while true; do
    if ((pending_consent >= 0)) && ((!dry_run)); then
        url_variable=${CONSENT_URL_VARS[pending_consent]}
        code=$(helper get "$environment" "${CODE_VARS[pending_consent]}")
        if [[ -n $code ]]; then
            say "the bank approved '$(shown "${REQUESTS[pending_consent]}")' without a login page (headless): going on with its code"
        else
            consent_url=$(helper get "$environment" "$url_variable")
            if [[ -z $consent_url ]]; then
                say "'$(shown "${REQUESTS[pending_consent]}")' did not save the consent URL in '$(shown "$url_variable")'"
                rm -rf -- "$STATE_DIR"
                exit "$EXIT_FAILED"
            fi
            say "PSU consent for '$(shown "${REQUESTS[pending_consent]}")': open this URL, log in and approve:"
            printf '\n%s\n\n' "$(shown "$consent_url")" >&2
            if ((${#remaining[@]} == 0)); then
                say "the selection ends at this consent step: nothing left to run"
                break
            fi
            printf '%s\n' "$consent_url" >"$STATE_DIR/consent-url"
            obtain_code "$pending_consent" "$consent_url"
            GC_VALUE=$code helper set "$environment" "${CODE_VARS[pending_consent]}" secret
        fi
    fi
    ((${#remaining[@]})) || break
    phase_requests=()
    ends_at_consent=-1
    while ((${#remaining[@]})); do
        i=${remaining[0]}
        remaining=("${remaining[@]:1}")
        phase_requests+=("$i")
        if [[ -n ${CONSENT_URL_VARS[i]} ]]; then
            ends_at_consent=$i
            break
        fi
    done
    export_file=''
    if ((ends_at_consent >= 0)); then
        export_file=$STATE_DIR/environment.next.json
        ((dry_run)) || (umask 077 && mkdir -p "$STATE_DIR")
    fi
    status=0
    run_phase "$environment" "$export_file" "$phase" "${phase_requests[@]}" || status=$?
    if ((status != 0)); then
        if ((ends_at_consent >= 0)) && [[ -f $export_file ]]; then
            refusal=$(helper get "$export_file" "${CONSENT_URL_VARS[ends_at_consent]}Error")
            if [[ -n $refusal ]]; then
                say "the bank refused the consent request of '$(shown "${REQUESTS[ends_at_consent]}")': $(shown "$refusal")"
                rm -rf -- "$STATE_DIR"
                exit "$EXIT_BANK_REFUSED"
            fi
        fi
        rm -rf -- "$STATE_DIR"
        exit "$status"
    fi
    ((ends_at_consent >= 0)) || break
    if ((!dry_run)); then
        mv -f -- "$export_file" "$saved_environment"
        if [[ -n ${SIGNING_KEYS[ends_at_consent]} ]]; then
            helper sign "$saved_environment" "${CONSENT_URL_VARS[ends_at_consent]}" \
                "${SIGNING_KEYS[ends_at_consent]}" "${SIGNING_PASSPHRASE_VARS[ends_at_consent]}" || {
                rm -rf -- "$STATE_DIR"
                exit "$EXIT_NO_INPUT"
            }
        fi
        save_state "$ends_at_consent"
    fi
    environment=$saved_environment
    pending_consent=$ends_at_consent
    phase=$((phase + 1))
done
((dry_run)) || rm -rf -- "$STATE_DIR"
exit 0
