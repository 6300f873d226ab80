import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  presentForgottenPassword,
  presentSetPassword,
  presentSignIn,
  presentSignInRefused,
  SIGN_IN_REFUSED,
} from './auth.presenter.ts';

test('the sign-in page says why the person is here, and returns them only to a page of this site', () => {
  assert.equal(
    presentSignIn({ passwordSet: '1' }).notice,
    'Your password has been set. Sign in with it now.',
  );
  assert.equal(presentSignIn({ signedOut: '1' }).notice, 'You have signed out.');
  assert.equal(presentSignIn({}).notice, undefined);
  assert.equal(presentSignIn({ returnTo: '/learning?x=1' }).values.returnTo, '/learning?x=1');
  for (const away of ['//evil.example', 'https://evil.example', '/\\evil.example', 'learning'])
    assert.equal(presentSignIn({ returnTo: away }).values.returnTo, '/', away);
});

test('a refused sign-in keeps the address typed (never the password) and says why, with its status', () => {
  const answers = { email: 'amina@calderbrook.example', password: 'wrong', returnTo: '//evil.example' };
  const wrong = presentSignInRefused({ ok: false, reason: 'invalid' }, answers);
  assert.equal(wrong.status, 401);
  assert.deepEqual(wrong.view.values, { email: 'amina@calderbrook.example', returnTo: '/' });
  // The one refusal for a wrong password, an unknown address and a try while slowed down (issue 11 item 9).
  assert.equal(wrong.view.errors.summary[0]?.text, SIGN_IN_REFUSED);
  assert.match(SIGN_IN_REFUSED, /^The email address or password is not right\. Check them and try again\./);
  assert.equal(wrong.view.errors.summary[0]?.href, '#email');

  const blank = presentSignInRefused(
    { ok: false, reason: 'answers', problems: [{ field: 'password', text: 'Enter your password' }] },
    {},
  );
  assert.equal(blank.status, 422);
  assert.deepEqual(blank.view.errors.fields, { password: { text: 'Enter your password' } });
  assert.equal(blank.view.values.email, '');
});

test('the password pages show what was wrong, and the person the link is for', () => {
  const refused = presentForgottenPassword({
    values: { email: 'x' },
    problems: [{ field: 'email', text: 'Enter an email address' }],
  });
  assert.equal(refused.errors?.summary[0]?.href, '#email');
  assert.deepEqual(refused.values, { email: 'x' });
  assert.deepEqual(presentForgottenPassword().backLink, { href: '/sign-in' });

  const set = presentSetPassword({ name: 'New Person', email: 'new@calderbrook.example' }, 'tok');
  assert.deepEqual(set, {
    title: 'Choose your password',
    name: 'New Person',
    email: 'new@calderbrook.example',
    token: 'tok',
  });
  const again = presentSetPassword({ name: 'N', email: 'e' }, 'tok', [
    { field: 'confirm', text: 'The two passwords do not match' },
  ]);
  assert.equal(again.errors?.summary[0]?.href, '#confirm');
});
