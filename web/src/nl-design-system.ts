// Only the NL Design System (Utrecht) component styles this app renders, instead of the whole library's 400 KB:
// add a line here when a page starts to use another component.
import '@utrecht/document-css/dist/index.css';
import '@utrecht/skip-link-css/dist/index.css';
import '@utrecht/heading-1-css/dist/index.css';
import '@utrecht/heading-2-css/dist/index.css';
import '@utrecht/heading-3-css/dist/index.css';
import '@utrecht/heading-4-css/dist/index.css';
import '@utrecht/paragraph-css/dist/index.css';
import '@utrecht/link-css/dist/index.css';
import '@utrecht/unordered-list-css/dist/index.css';
import '@utrecht/alert-css/dist/index.css';
import '@utrecht/button-css/dist/index.css';
import '@utrecht/button-group-css/dist/index.css';
import '@utrecht/table-css/dist/index.css';
import '@utrecht/form-fieldset-css/dist/index.css';
import '@utrecht/form-field-css/dist/index.css';
import '@utrecht/form-field-description-css/dist/index.css';
import '@utrecht/form-field-error-message-css/dist/index.css';
import '@utrecht/form-label-css/dist/index.css';
import '@utrecht/textbox-css/dist/index.css';
import '@utrecht/textarea-css/dist/index.css';
import '@utrecht/select-css/dist/index.css';
import '@utrecht/checkbox-css/dist/index.css';
import '@utrecht/custom-checkbox-css/dist/index.css';
import '@utrecht/rich-text-css/dist/index.css';
import '@utrecht/separator-css/dist/index.css';
