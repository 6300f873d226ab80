// Progressive enhancement only: every page works without this script.
import { initAll } from './govuk-frontend.min.js';

initAll();

/**
 * The warning before an idle session ends (WCAG 2.2.1, Timing adjustable), after
 * the design system's timeout-warning pattern: a modal dialog, some time before
 * the end, that lets the person stay signed in with one button. Without this
 * script nothing is lost either: answers sent after the end are kept on the
 * server until the person signs in again (src/platform/auth/pending-form.ts).
 */
function sessionTimeoutWarning() {
  const idle = Number(document.querySelector('meta[name="hub-session-idle-seconds"]')?.content);
  const token = document.querySelector('.hub-nav-signout input[name="_csrf"]')?.value;
  if (!idle || !token || typeof HTMLDialogElement !== 'function') return;
  // Two minutes' warning, or a third of the time on a very short session.
  const warnFor = Math.min(120, Math.round(idle / 3));

  const dialog = document.createElement('dialog');
  dialog.className = 'hub-timeout-dialog';
  dialog.setAttribute('aria-labelledby', 'hub-timeout-heading');
  dialog.setAttribute('aria-describedby', 'hub-timeout-text');
  dialog.innerHTML = `
    <h2 class="govuk-heading-m" id="hub-timeout-heading">You will be signed out soon</h2>
    <p class="govuk-body" id="hub-timeout-text"></p>
    <div class="govuk-button-group">
      <button type="button" class="govuk-button" data-hub-extend>Stay signed in</button>
      <a class="govuk-link" href="#" data-hub-sign-out>Sign out</a>
    </div>`;
  document.body.append(dialog);
  const text = dialog.querySelector('#hub-timeout-text');
  const stay = dialog.querySelector('[data-hub-extend]');

  let endsAt = Date.now() + idle * 1000;
  let ticking;
  const minutes = (s) =>
    s >= 60 ? `${Math.ceil(s / 60)} minute${Math.ceil(s / 60) === 1 ? '' : 's'}` : `${s} second${s === 1 ? '' : 's'}`;
  const tick = () => {
    const left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
    if (left > 0) {
      text.textContent = `You have not used the Hub for a while. To keep what you are doing, stay signed in. Otherwise you will be signed out in ${minutes(left)}.`;
    } else {
      clearInterval(ticking);
      dialog.querySelector('#hub-timeout-heading').textContent = 'You have been signed out';
      text.textContent =
        'Your session has ended. What you have typed is still on this page: send it and, after you sign in again, you will go back to the form with your answers.';
      stay.textContent = 'Close';
      stay.dataset.hubExtend = 'closed';
    }
  };
  const warn = () => {
    tick();
    ticking = setInterval(tick, 1000);
    if (!dialog.open) dialog.showModal();
  };
  let warning = setTimeout(warn, (idle - warnFor) * 1000);

  const extend = async () => {
    if (stay.dataset.hubExtend === 'closed') return dialog.close();
    const res = await fetch('/session/extend', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token }),
      credentials: 'same-origin',
    });
    if (!res.ok) return;
    clearInterval(ticking);
    clearTimeout(warning);
    endsAt = Date.now() + idle * 1000;
    warning = setTimeout(warn, (idle - warnFor) * 1000);
    dialog.close();
  };
  stay.addEventListener('click', extend);
  // Escape is taken as "stay signed in", as the design system's pattern does.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    extend();
  });
  dialog.querySelector('[data-hub-sign-out]').addEventListener('click', (event) => {
    event.preventDefault();
    document.querySelector('.hub-nav-signout')?.submit();
  });
}

sessionTimeoutWarning();
